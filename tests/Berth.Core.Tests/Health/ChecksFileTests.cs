using Berth.Core.Health;

namespace Berth.Core.Tests.Health;

public sealed class ChecksFileTests
{
    [Fact]
    public void Parse_PathsWithAndWithoutContent_GiveStartupHttpChecksInOrder()
    {
        const string Text = """
            /                       My Amazing App
            /stylesheets/index.css  .body
            /images/logo.png
            """;

        var result = ChecksFile.Parse(Text);

        Assert.True(result.IsValid, string.Join(" ", result.Errors));
        Assert.Equal(
            [
                HealthCheck.ForPath("check-1", "/") with { Content = "My Amazing App" },
                HealthCheck.ForPath("check-2", "/stylesheets/index.css") with { Content = ".body" },
                HealthCheck.ForPath("check-3", "/images/logo.png"),
            ],
            result.Value);
    }

    [Fact]
    public void Parse_Check_HasAppJsonDefaults()
    {
        var check = Assert.Single(ChecksFile.Parse("/health").Value!);

        Assert.Equal(HealthCheckKind.Http, check.Kind);
        Assert.Equal(HealthCheckPurpose.Startup, check.Purpose);
        Assert.Equal(HealthCheckScheme.Http, check.Scheme);
        Assert.Null(check.Port);
        Assert.Equal(3, check.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(5), check.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(5), check.Wait);
        Assert.Equal(TimeSpan.Zero, check.InitialDelay);
        Assert.False(check.Warn);
    }

    [Fact]
    public void Parse_Settings_ApplyToEveryCheckWhereverTheyStand()
    {
        const string Text = """
            WAIT=2 # wait 2 seconds
            /one
            TIMEOUT=7
            /two
            ATTEMPTS=4
            """;

        var result = ChecksFile.Parse(Text);

        var expected = new[] { "/one", "/two" }
            .Select((path, index) => HealthCheck.ForPath($"check-{index + 1}", path) with
            {
                Wait = TimeSpan.FromSeconds(2),
                Timeout = TimeSpan.FromSeconds(7),
                Attempts = 4,
            });
        Assert.Equal(expected, result.Value);
    }

    [Fact]
    public void Parse_SettingsWithBlanksAroundTheEqualsSign_AreRead()
    {
        var result = ChecksFile.Parse("WAIT = 3\n/");

        Assert.Equal(TimeSpan.FromSeconds(3), Assert.Single(result.Value!).Wait);
    }

    [Theory]
    [InlineData("ATTEMPTS=1", 1)]
    [InlineData("ATTEMPTS=100", 100)]
    public void Parse_AttemptsAtTheBounds_AreAccepted(string line, int attempts)
    {
        var result = ChecksFile.Parse($"{line}\n/");

        Assert.Equal(attempts, Assert.Single(result.Value!).Attempts);
    }

    [Theory]
    [InlineData("WAIT=1")]
    [InlineData("WAIT=600")]
    [InlineData("TIMEOUT=1")]
    [InlineData("TIMEOUT=600")]
    public void Parse_SecondsAtTheBounds_AreAccepted(string line)
    {
        Assert.True(ChecksFile.Parse($"{line}\n/").IsValid);
    }

    [Fact]
    public void Parse_HostRelativeTarget_SendsAHostHeader()
    {
        var result = ChecksFile.Parse("//admin.example.com/login     Admin Dashboard");

        Assert.Equal(
            [
                HealthCheck.ForPath("check-1", "/login") with
                {
                    Content = "Admin Dashboard",
                    HttpHeaders = [new HttpHeader("Host", "admin.example.com")],
                },
            ],
            result.Value);
    }

    [Theory]
    [InlineData("//example.com", "example.com", "/")]
    [InlineData("//example.com:8443/x", "example.com:8443", "/x")]
    [InlineData("//example.com?ready=1", "example.com", "/?ready=1")]
    public void Parse_HostRelativeTarget_SplitsHostAndPath(string target, string host, string path)
    {
        var check = Assert.Single(ChecksFile.Parse(target).Value!);

        Assert.Equal(path, check.Path);
        Assert.Equal([new HttpHeader("Host", host)], check.HttpHeaders);
    }

    [Theory]
    [InlineData("https://example.com/path nodejs/express", HealthCheckScheme.Https)]
    [InlineData("HTTPS://example.com/path nodejs/express", HealthCheckScheme.Https)]
    [InlineData("http://example.com/path nodejs/express", HealthCheckScheme.Http)]
    public void Parse_AbsoluteUrl_ChoosesTheSchemeAndSendsTheHost(string line, HealthCheckScheme scheme)
    {
        var result = ChecksFile.Parse(line);

        Assert.Equal(
            [
                HealthCheck.ForPath("check-1", "/path") with
                {
                    Scheme = scheme,
                    Content = "nodejs/express",
                    HttpHeaders = [new HttpHeader("Host", "example.com")],
                },
            ],
            result.Value);
    }

    [Fact]
    public void Parse_ContentWithBlanksAndTabs_KeepsTheInnerBlanks()
    {
        var check = Assert.Single(ChecksFile.Parse("/about\t  Our  Amazing Team  ").Value!);

        Assert.Equal("/about", check.Path);
        Assert.Equal("Our  Amazing Team", check.Content);
    }

    [Fact]
    public void Parse_ContentIsPlainText_NotAPattern()
    {
        var check = Assert.Single(ChecksFile.Parse("/scripts/index.js $(function()").Value!);

        Assert.Equal("$(function()", check.Content);
    }

    [Fact]
    public void Parse_HashAnywhere_StartsAComment()
    {
        var check = Assert.Single(ChecksFile.Parse("/page#top  Welcome").Value!);

        Assert.Equal("/page", check.Path);
        Assert.Null(check.Content);
    }

    [Fact]
    public void Parse_CommentsBlankLinesCrlfAndByteOrderMark_AreIgnored()
    {
        var result = ChecksFile.Parse("\uFEFF# checks\r\n\r\n   \r\n  # indented comment\r\n/health ok\r\n");

        Assert.Equal([HealthCheck.ForPath("check-1", "/health") with { Content = "ok" }], result.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# nothing yet\n\n")]
    [InlineData("WAIT=10\nATTEMPTS=5")]
    public void Parse_FileWithoutACheck_GivesNone(string text)
    {
        var result = ChecksFile.Parse(text);

        Assert.True(result.IsValid);
        Assert.Empty(result.Value!);
    }

    [Theory]
    [InlineData("WAIT=0", "WAIT must be a whole number of seconds from 1 to 600; it is '0'.")]
    [InlineData("WAIT=601", "WAIT must be a whole number of seconds from 1 to 600; it is '601'.")]
    [InlineData("WAIT=", "WAIT must be a whole number of seconds from 1 to 600; it is ''.")]
    [InlineData("WAIT=1.5", "WAIT must be a whole number of seconds from 1 to 600; it is '1.5'.")]
    [InlineData("WAIT=-1", "WAIT must be a whole number of seconds from 1 to 600; it is '-1'.")]
    [InlineData("WAIT=+5", "WAIT must be a whole number of seconds from 1 to 600; it is '+5'.")]
    [InlineData("TIMEOUT=0", "TIMEOUT must be a whole number of seconds from 1 to 600; it is '0'.")]
    [InlineData("TIMEOUT=30s", "TIMEOUT must be a whole number of seconds from 1 to 600; it is '30s'.")]
    [InlineData("ATTEMPTS=101", "ATTEMPTS must be a whole number from 1 to 100; it is '101'.")]
    [InlineData("ATTEMPTS=99999999999", "ATTEMPTS must be a whole number from 1 to 100; it is '99999999999'.")]
    [InlineData(
        "ATTEMPTS=0",
        "ATTEMPTS must be a whole number from 1 to 100; it is '0'; to deploy without checks, run checks:skip instead.")]
    public void Parse_SettingOutOfRange_FailsWithTheLineNumber(string line, string error)
    {
        var result = ChecksFile.Parse($"/\n{line}");

        Assert.Equal([$"CHECKS line 2: {error}"], result.Errors);
    }

    [Fact]
    public void Parse_SettingGivenTwice_FailsNamingTheFirstLine()
    {
        var result = ChecksFile.Parse("WAIT=5\n/\nWAIT=10");

        Assert.Equal(["CHECKS line 3: WAIT is already set on line 1; keep one."], result.Errors);
    }

    [Theory]
    [InlineData("wait=5", "wait")]
    [InlineData("DOKKU_CHECKS_WAIT=5", "DOKKU_CHECKS_WAIT")]
    [InlineData("RETRIES = 3", "RETRIES")]
    public void Parse_UnknownSetting_FailsNamingTheSettings(string line, string name)
    {
        var result = ChecksFile.Parse(line);

        Assert.Equal(
            [
                $"CHECKS line 1: '{name}' is not a setting Berth knows; the settings are WAIT, TIMEOUT and ATTEMPTS, "
                + "in capitals, e.g. 'WAIT=10'.",
            ],
            result.Errors);
    }

    [Theory]
    [InlineData("health ok", "health ok")]
    [InlineData("web: /health", "web: /health")]
    [InlineData("ftp://example.com/", "ftp://example.com/")]
    [InlineData("https:/example.com", "https:/example.com")]
    [InlineData("=5", "=5")]
    [InlineData("1WAIT=5", "1WAIT=5")]
    public void Parse_LineThatIsNeitherCheckNorSetting_Fails(string line, string shown)
    {
        var result = ChecksFile.Parse($"\n{line}");

        Assert.Equal(
            [
                $"CHECKS line 2: '{shown}' is neither a check nor a setting; a check is a path such as '/health', "
                + "optionally followed by the text the page must contain, and a setting is WAIT=, TIMEOUT= or "
                + "ATTEMPTS=.",
            ],
            result.Errors);
    }

    [Theory]
    [InlineData("///health", "///health")]
    [InlineData("https:// ok", "https://")]
    [InlineData("http:///x", "http:///x")]
    public void Parse_TargetWithAnEmptyHost_Fails(string line, string shown)
    {
        var result = ChecksFile.Parse(line);

        Assert.Equal(
            [
                $"CHECKS line 1: '{shown}' names no host after '//'; write e.g. '//example.com/health', or "
                + "'/health' to check without a host.",
            ],
            result.Errors);
    }

    [Fact]
    public void Parse_PathWithAnEqualsSign_IsACheck()
    {
        var check = Assert.Single(ChecksFile.Parse("/health?full=1").Value!);

        Assert.Equal("/health?full=1", check.Path);
    }

    [Fact]
    public void Parse_SeveralBadLines_ReportsEveryOneInOrder()
    {
        const string Text = """
            WAIT=0
            /ok
            nonsense
            WAIT=5
            RETRIES=2
            """;

        var result = ChecksFile.Parse(Text);

        Assert.Null(result.Value);
        Assert.Equal(
            [
                "CHECKS line 1: WAIT must be a whole number of seconds from 1 to 600; it is '0'.",
                "CHECKS line 3: 'nonsense' is neither a check nor a setting; a check is a path such as '/health', "
                + "optionally followed by the text the page must contain, and a setting is WAIT=, TIMEOUT= or "
                + "ATTEMPTS=.",
                "CHECKS line 5: 'RETRIES' is not a setting Berth knows; the settings are WAIT, TIMEOUT and "
                + "ATTEMPTS, in capitals, e.g. 'WAIT=10'.",
            ],
            result.Errors);
    }
}
