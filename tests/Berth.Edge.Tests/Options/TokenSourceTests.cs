using Berth.Edge.Options;

namespace Berth.Edge.Tests.Options;

public sealed class TokenSourceTests
{
    [Fact]
    public void Read_InlineValue_ReturnsItTrimmed()
    {
        var token = new TokenSource(null, " abc \n").Read();

        Assert.Equal("abc", token.Value);
    }

    [Fact]
    public void Read_File_ReturnsItsContentTrimmed()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "from-file\n");

            Assert.Equal("from-file", new TokenSource(path, null).Read().Value);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_MissingFile_SaysWhichFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-token-{Guid.NewGuid():N}");

        var error = Assert.Single(new TokenSource(path, null).Read().Errors);

        Assert.Contains(path, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EmptyValue_IsAnError()
    {
        Assert.False(new TokenSource(null, "  ").Read().IsValid);
    }

    [Fact]
    public void ToString_InlineToken_DoesNotShowIt()
    {
        var text = new TokenSource(null, "very-secret").ToString();

        Assert.DoesNotContain("very-secret", text, StringComparison.Ordinal);
    }
}
