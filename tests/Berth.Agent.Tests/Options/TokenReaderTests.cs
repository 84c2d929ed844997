using Berth.Agent.Options;

namespace Berth.Agent.Tests.Options;

public sealed class TokenReaderTests
{
    [Fact]
    public void Read_ValueWithWhitespace_ReturnsItTrimmed()
    {
        var (token, error) = TokenReader.Read(new TokenSource(null, "  abc\n"));

        Assert.Equal("abc", token);
        Assert.Null(error);
    }

    [Fact]
    public void Read_BlankValue_ReturnsAnError()
    {
        var (token, error) = TokenReader.Read(new TokenSource(null, "   "));

        Assert.Null(token);
        Assert.StartsWith("--token holds an empty token", error, StringComparison.Ordinal);
    }
}
