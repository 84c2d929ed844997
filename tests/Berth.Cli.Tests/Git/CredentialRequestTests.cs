using Berth.Cli.Git;

namespace Berth.Cli.Tests.Git;

public sealed class CredentialRequestTests
{
    [Fact]
    public async Task ReadAsync_Lines_StopsAtBlankLine()
    {
        var input = new StringReader("protocol=http\nhost=127.0.0.1:7001\npath=git/a.git\n\nignored=1\n");

        var request = await CredentialRequest.ReadAsync(input, CancellationToken.None);

        Assert.Equal("http", request.Protocol);
        Assert.Equal("127.0.0.1:7001", request.Host);
        Assert.Equal("git/a.git", request.Attributes["path"]);
        Assert.False(request.Attributes.ContainsKey("ignored"));
    }

    [Fact]
    public async Task ReadAsync_EmptyInput_HasNoAttributes()
    {
        var request = await CredentialRequest.ReadAsync(new StringReader(""), CancellationToken.None);

        Assert.Empty(request.Attributes);
    }

    [Theory]
    [InlineData("http", "127.0.0.1:7001", "http://127.0.0.1:7001/git", true)]
    [InlineData("HTTP", "LOCALHOST:7001", "http://localhost:7001/git", true)]
    [InlineData("https", "berth.example.com", "https://berth.example.com/git", true)]
    [InlineData("https", "berth.example.com:443", "https://berth.example.com/git", true)]
    [InlineData("http", "127.0.0.1:7002", "http://127.0.0.1:7001/git", false)]
    [InlineData("https", "127.0.0.1:7001", "http://127.0.0.1:7001/git", false)]
    [InlineData("http", "github.com", "http://127.0.0.1:7001/git", false)]
    public void IsFor_Host_MatchesProtocolHostAndPort(string protocol, string host, string gitBaseUrl, bool expected)
    {
        var attributes = new Dictionary<string, string> { ["protocol"] = protocol, ["host"] = host };
        var request = new CredentialRequest(attributes);

        Assert.Equal(expected, request.IsFor(gitBaseUrl));
    }

    [Fact]
    public void IsFor_NoHostGiven_Matches()
    {
        var request = new CredentialRequest(new Dictionary<string, string>());

        Assert.True(request.IsFor("http://127.0.0.1:7001/git"));
    }
}
