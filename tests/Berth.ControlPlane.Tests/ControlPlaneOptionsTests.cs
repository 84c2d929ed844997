using System.Net;

namespace Berth.ControlPlane.Tests;

public sealed class ControlPlaneOptionsTests
{
    [Fact]
    public void Parse_OnlyDataDir_UsesDefaults()
    {
        var (options, errors) = ControlPlaneOptions.Parse(["--data-dir", "/var/lib/berth"]);

        Assert.Empty(errors);
        Assert.NotNull(options);
        Assert.Equal("/var/lib/berth", options.DataDirectory);
        Assert.Equal(IPEndPoint.Parse("127.0.0.1:7000"), options.GrpcEndpoint);
        Assert.Equal(IPEndPoint.Parse("127.0.0.1:7001"), options.HttpEndpoint);
        Assert.Equal("127.0.0.1:5000", options.Registry);
        Assert.Equal("localhost", options.Domain);
        Assert.Equal(8080, options.EdgePort);
        Assert.Equal("", options.PublicGitUrl);
        Assert.Equal(5, options.KeepReleases);
    }

    [Fact]
    public void Parse_EveryOption_TakesEachValue()
    {
        var (options, errors) = ControlPlaneOptions.Parse(
        [
            "--data-dir", "/srv/berth",
            "--grpc-listen", "0.0.0.0:9000",
            "--http-listen", "10.0.0.5:9001",
            "--registry", "registry.internal:5443",
            "--domain", "Apps.Example.COM",
            "--edge-port", "443",
            "--git-url", "https://git.example.com/git/",
            "--keep-releases", "12",
        ]);

        Assert.Empty(errors);
        Assert.NotNull(options);
        Assert.Equal("/srv/berth", options.DataDirectory);
        Assert.Equal(IPEndPoint.Parse("0.0.0.0:9000"), options.GrpcEndpoint);
        Assert.Equal(IPEndPoint.Parse("10.0.0.5:9001"), options.HttpEndpoint);
        Assert.Equal("registry.internal:5443", options.Registry);
        Assert.Equal("apps.example.com", options.Domain);
        Assert.Equal(443, options.EdgePort);
        Assert.Equal("https://git.example.com/git/", options.PublicGitUrl);
        Assert.Equal(12, options.KeepReleases);
    }

    [Fact]
    public void Parse_RelativeDataDir_MakesItAbsolute()
    {
        var (options, _) = ControlPlaneOptions.Parse(["--data-dir", "data"]);

        Assert.NotNull(options);
        Assert.Equal(Path.GetFullPath("data"), options.DataDirectory);
    }

    [Fact]
    public void Parse_UnknownOption_ReportsIt()
    {
        var (options, errors) = ControlPlaneOptions.Parse(["--data-dir", "/d", "--colour", "blue"]);

        Assert.Null(options);
        Assert.Contains(errors, e => e.Contains("--colour", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_OptionWithoutValue_ReportsIt()
    {
        var (options, errors) = ControlPlaneOptions.Parse(["--data-dir", "/d", "--domain"]);

        Assert.Null(options);
        Assert.Contains(errors, e => e.Contains("--domain", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_BareWord_ReportsIt()
    {
        var (options, errors) = ControlPlaneOptions.Parse(["serve", "--data-dir", "/d"]);

        Assert.Null(options);
        Assert.Contains(errors, e => e.Contains("'serve'", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_MissingDataDir_ReportsIt()
    {
        var (options, errors) = ControlPlaneOptions.Parse([]);

        Assert.Null(options);
        Assert.Contains(errors, e => e.Contains("--data-dir", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--grpc-listen", "localhost:7000")]
    [InlineData("--grpc-listen", "127.0.0.1")]
    [InlineData("--grpc-listen", "127.0.0.1:0")]
    [InlineData("--http-listen", "127.0.0.1:99999")]
    [InlineData("--http-listen", "not an endpoint")]
    public void Parse_BadEndpoint_ReportsTheOptionAndValue(string option, string value)
    {
        var (options, errors) = ControlPlaneOptions.Parse(["--data-dir", "/d", option, value]);

        Assert.Null(options);
        var error = Assert.Single(errors);
        Assert.Contains(option, error, StringComparison.Ordinal);
        Assert.Contains(value, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65536")]
    [InlineData("-1")]
    [InlineData("80a")]
    [InlineData("")]
    public void Parse_BadEdgePort_ReportsIt(string port)
    {
        var (options, errors) = ControlPlaneOptions.Parse(["--data-dir", "/d", "--edge-port", port]);

        Assert.Null(options);
        var error = Assert.Single(errors);
        Assert.Contains("--edge-port", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    [InlineData("-3")]
    [InlineData("five")]
    public void Parse_BadKeepReleases_ReportsWhatItMeans(string keep)
    {
        var (options, errors) = ControlPlaneOptions.Parse(["--data-dir", "/d", "--keep-releases", keep]);

        Assert.Null(options);
        var error = Assert.Single(errors);
        Assert.StartsWith($"--keep-releases '{keep}' is not a number from 1 to 1000", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("65535")]
    public void Parse_EdgePortAtTheLimits_IsAccepted(string port)
    {
        var (options, errors) = ControlPlaneOptions.Parse(["--data-dir", "/d", "--edge-port", port]);

        Assert.Empty(errors);
        Assert.Equal(int.Parse(port, System.Globalization.CultureInfo.InvariantCulture), options!.EdgePort);
    }

    [Fact]
    public void Parse_SeveralBadOptions_ReportsEveryError()
    {
        var (options, errors) = ControlPlaneOptions.Parse(
            ["--grpc-listen", "nowhere", "--http-listen", "1.2.3.4", "--edge-port", "0", "--bogus", "x"]);

        Assert.Null(options);
        Assert.Equal(5, errors.Count);
        Assert.Contains(errors, e => e.Contains("--bogus", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("--data-dir", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("--grpc-listen", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("--http-listen", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("--edge-port", StringComparison.Ordinal));
    }

    [Fact]
    public void AppUrl_EdgePort80_LeavesThePortOut()
    {
        var options = Parse("--domain", "example.com", "--edge-port", "80");

        Assert.Equal("http://shop.example.com/", options.AppUrl("shop"));
    }

    [Fact]
    public void AppUrl_OtherEdgePort_IncludesThePort()
    {
        var options = Parse("--domain", "example.com", "--edge-port", "8080");

        Assert.Equal("http://shop.example.com:8080/", options.AppUrl("shop"));
    }

    [Fact]
    public void GitBaseUrl_NoGitUrl_DerivesItFromTheHttpEndpoint()
    {
        var options = Parse("--http-listen", "127.0.0.2:7101");

        Assert.Equal("http://127.0.0.2:7101/git", options.GitBaseUrl);
    }

    [Theory]
    [InlineData("https://git.example.com/git", "https://git.example.com/git")]
    [InlineData("https://git.example.com/git/", "https://git.example.com/git")]
    public void GitBaseUrl_GitUrlGiven_UsesItWithoutTrailingSlash(string gitUrl, string expected)
    {
        var options = Parse("--git-url", gitUrl);

        Assert.Equal(expected, options.GitBaseUrl);
    }

    private static ControlPlaneOptions Parse(params string[] args)
    {
        var (options, errors) = ControlPlaneOptions.Parse(["--data-dir", "/d", .. args]);
        Assert.Empty(errors);
        return options!;
    }
}
