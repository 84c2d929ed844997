using System.Text;
using Berth.ControlPlane.Security;

namespace Berth.ControlPlane.Tests.Security;

public sealed class ClusterTokenTests : IDisposable
{
    private readonly TempDirectory directory = new();

    [Fact]
    public void LoadOrCreate_NoFile_CreatesOwnerOnlyFile()
    {
        var path = directory.File("token");

        var token = ClusterToken.LoadOrCreate(path);

        Assert.True(File.Exists(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(token.Value, File.ReadAllText(path).Trim());
        Assert.Equal(64, token.Value.Length);
    }

    [Fact]
    public void LoadOrCreate_NoDirectory_CreatesIt()
    {
        var path = Path.Combine(directory.Path, "data", "token");

        var token = ClusterToken.LoadOrCreate(path);

        Assert.Equal(token.Value, File.ReadAllText(path).Trim());
    }

    [Fact]
    public void LoadOrCreate_SecondTime_ReadsTheSameToken()
    {
        var path = directory.File("token");
        var first = ClusterToken.LoadOrCreate(path);
        var written = File.GetLastWriteTimeUtc(path);

        var second = ClusterToken.LoadOrCreate(path);

        Assert.Equal(first.Value, second.Value);
        Assert.Equal(written, File.GetLastWriteTimeUtc(path));
    }

    [Fact]
    public void LoadOrCreate_TwoDataDirectories_GetDifferentTokens()
    {
        var first = ClusterToken.LoadOrCreate(directory.File("a-token"));
        var second = ClusterToken.LoadOrCreate(directory.File("b-token"));

        Assert.NotEqual(first.Value, second.Value);
    }

    [Fact]
    public void LoadOrCreate_ExistingFileWithWhitespace_TrimsIt()
    {
        var path = directory.File("token");
        File.WriteAllText(path, "  s3cret-token \n\n");

        var token = ClusterToken.LoadOrCreate(path);

        Assert.Equal("s3cret-token", token.Value);
    }

    [Fact]
    public void Matches_SameToken_IsTrue()
    {
        var token = Known();

        Assert.True(token.Matches("s3cret-token"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("s3cret-toke")]
    [InlineData("s3cret-token2")]
    [InlineData("S3CRET-TOKEN")]
    public void Matches_OtherValue_IsFalse(string? presented)
    {
        var token = Known();

        Assert.False(token.Matches(presented));
    }

    [Theory]
    [InlineData("Bearer s3cret-token")]
    [InlineData("bearer s3cret-token")]
    [InlineData("Bearer   s3cret-token  ")]
    public void MatchesHeader_BearerWithToken_IsTrue(string header)
    {
        Assert.True(Known().MatchesHeader(header));
    }

    [Theory]
    [InlineData("git:s3cret-token")]
    [InlineData("berth:s3cret-token")]
    [InlineData(":s3cret-token")]
    public void MatchesHeader_BasicWithTokenAsPassword_IsTrueForAnyUser(string credentials)
    {
        Assert.True(Known().MatchesHeader(Basic(credentials)));
    }

    [Theory]
    [InlineData("Bearer wrong")]
    [InlineData("Bearer ")]
    [InlineData("s3cret-token")]
    [InlineData("Token s3cret-token")]
    [InlineData("")]
    public void MatchesHeader_WrongBearerOrScheme_IsFalse(string header)
    {
        Assert.False(Known().MatchesHeader(header));
    }

    [Theory]
    [InlineData("git:wrong")]
    [InlineData("s3cret-token:git")]
    [InlineData("s3cret-token")]
    public void MatchesHeader_BasicWithoutTokenAsPassword_IsFalse(string credentials)
    {
        Assert.False(Known().MatchesHeader(Basic(credentials)));
    }

    [Theory]
    [InlineData("Basic !!!not-base64!!!")]
    [InlineData("Basic ")]
    [InlineData("Basic czNjcmV0")]
    public void MatchesHeader_BasicGarbage_IsFalse(string header)
    {
        Assert.False(Known().MatchesHeader(header));
    }

    [Fact]
    public void MatchesHeader_Null_IsFalse()
    {
        Assert.False(Known().MatchesHeader(null));
    }

    [Fact]
    public void LoadOrCreate_EmptyTokenFile_RefusesToStart()
    {
        var path = directory.File("token");
        File.WriteAllText(path, "\n");

        var error = Assert.Throws<InvalidDataException>(() => ClusterToken.LoadOrCreate(path));

        Assert.Contains("delete it", error.Message);
    }

    [Fact]
    public void MatchesHeader_EmptyCredentials_IsFalse()
    {
        Assert.False(Known().MatchesHeader("Bearer "));
        Assert.False(Known().MatchesHeader(Basic("git:")));
    }

    public void Dispose() => directory.Dispose();

    private ClusterToken Known()
    {
        var path = directory.File("known-token");
        if (!File.Exists(path))
        {
            File.WriteAllText(path, "s3cret-token\n");
        }

        return ClusterToken.LoadOrCreate(path);
    }

    private static string Basic(string credentials) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials));
}
