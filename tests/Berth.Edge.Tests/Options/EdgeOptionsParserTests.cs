using System.Net;
using Berth.Core.Validation;
using Berth.Edge.Options;
using static System.StringComparison;

namespace Berth.Edge.Tests.Options;

public sealed class EdgeOptionsParserTests
{
    [Fact]
    public void Parse_AllOptions_ReturnsThem()
    {
        var result = EdgeOptionsParser.Parse(
            ["--control-plane", "http://127.0.0.1:7000", "--token-file", "/etc/berth/token",
             "--listen", "0.0.0.0:80", "--name", "edge-1"],
            "host");

        Assert.True(result.IsValid);
        var options = result.Value!;
        Assert.Equal(new Uri("http://127.0.0.1:7000"), options.ControlPlane);
        Assert.Equal(new TokenSource("/etc/berth/token", null), options.Token);
        Assert.Equal(new IPEndPoint(IPAddress.Any, 80), options.Listen);
        Assert.Equal("edge-1", options.Name);
    }

    [Fact]
    public void Parse_OnlyRequiredOptions_UsesDefaults()
    {
        var result = EdgeOptionsParser.Parse(["--control-plane=http://cp:7000", "--token=s3cret"], "Box-7");

        Assert.True(result.IsValid);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 8080), result.Value!.Listen);
        Assert.Equal("edge-box-7", result.Value.Name);
        Assert.Equal(new TokenSource(null, "s3cret"), result.Value.Token);
        Assert.Equal(TimeSpan.FromSeconds(25), result.Value.DrainTimeout);
    }

    [Theory]
    [InlineData("10", 10)]
    [InlineData("0", 0)]
    [InlineData("40s", 40)]
    public void Parse_DrainTimeout_ReadsWholeSeconds(string text, int seconds)
    {
        var result = EdgeOptionsParser.Parse(
            ["--control-plane=http://cp:7000", "--token=t", "--drain-timeout", text],
            "h");

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(TimeSpan.FromSeconds(seconds), result.Value!.DrainTimeout);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("2.5")]
    [InlineData("1m")]
    [InlineData("3601")]
    [InlineData("s")]
    public void Parse_BadDrainTimeout_SaysWhatIsAccepted(string text)
    {
        var result = EdgeOptionsParser.Parse(
            ["--control-plane=http://cp:7000", "--token=t", $"--drain-timeout={text}"],
            "h");

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal($"--drain-timeout '{text}' is not a whole number of seconds from 0 to 3600, e.g. 25.", error);
    }

    [Fact]
    public void Parse_NothingGiven_ReportsEveryMissingOption()
    {
        var result = EdgeOptionsParser.Parse([], "host");

        Assert.False(result.IsValid);
        Assert.Equal(2, result.Errors.Count);
        Assert.Contains(result.Errors, error => error.StartsWith("--control-plane is required", Ordinal));
        Assert.Contains(result.Errors, error => error.StartsWith("the cluster token is required", Ordinal));
    }

    [Theory]
    [InlineData("--token", "a", "--token-file", "f", "--token-file and --token are both given")]
    [InlineData("--token", "a", "--bogus", "x", "unknown option '--bogus'")]
    [InlineData("--token", "a", "--token", "b", "--token is given more than once")]
    [InlineData("--token", "a", "--listen", "--name", "--listen needs a value")]
    public void Parse_BadOptions_NameTheProblem(string a, string b, string c, string d, string expected)
    {
        var result = EdgeOptionsParser.Parse(["--control-plane", "http://cp:7000", a, b, c, d], "host");

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, error => error.Contains(expected, Ordinal));
    }

    [Theory]
    [InlineData("ftp://cp:7000")]
    [InlineData("cp:7000")]
    [InlineData("/relative")]
    public void Parse_ControlPlaneNotHttp_IsRejected(string url)
    {
        var result = EdgeOptionsParser.Parse(["--control-plane", url, "--token", "t"], "host");

        Assert.Contains(result.Errors, error => error.Contains("is not an http:// or https:// URL", Ordinal));
    }

    [Theory]
    [InlineData("127.0.0.1:8080", "127.0.0.1:8080")]
    [InlineData("localhost:9000", "127.0.0.1:9000")]
    [InlineData("*:80", "0.0.0.0:80")]
    [InlineData("[::1]:8443", "[::1]:8443")]
    [InlineData("127.0.0.1:0", "127.0.0.1:0")]
    public void Parse_ListenForms_AreUnderstood(string listen, string expected)
    {
        var result = Parse("--listen", listen);

        Assert.Equal(IPEndPoint.Parse(expected), result.Value!.Listen);
    }

    [Theory]
    [InlineData("8080")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:65536")]
    [InlineData("127.0.0.1:-1")]
    [InlineData("example.com:80")]
    [InlineData("::1:80")]
    [InlineData(":80")]
    public void Parse_BadListen_IsRejected(string listen)
    {
        var result = Parse("--listen", listen);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith($"--listen '{listen}' is not HOST:PORT", error, Ordinal);
    }

    [Theory]
    [InlineData("edge 1")]
    [InlineData("edge/1")]
    [InlineData("")]
    public void Parse_BadName_IsRejected(string name)
    {
        var result = Parse("--name=" + name);

        Assert.Contains(result.Errors, error => error.Contains("is not a valid edge name", Ordinal));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void IsHelp_HelpFlag_IsTrue(string flag)
    {
        Assert.True(EdgeOptionsParser.IsHelp(["--token", "t", flag]));
    }

    private static ValidationResult<EdgeOptions> Parse(params string[] extra) =>
        EdgeOptionsParser.Parse(["--control-plane", "http://cp:7000", "--token", "t", .. extra], "h");
}
