using Berth.Core.AppJson;
using Berth.Core.Health;

namespace Berth.Core.Tests.AppJson;

public sealed class AppJsonHealthChecksTests
{
    [Fact]
    public void Parse_EveryKindAndSetting_ReadsEachCheck()
    {
        const string Json = """
            { "healthchecks": {
                "web": [
                  {
                    "type": "startup", "name": "ready", "description": "ignored", "onFailure": {},
                    "path": "/health/ready?full=1", "content": "ok", "scheme": "https",
                    "httpHeaders": [ { "name": "Host", "value": "example.com" }, { "name": "X-Empty" } ],
                    "port": 8080, "attempts": 7, "timeout": 2, "wait": 4, "initialDelay": 9, "warn": true
                  },
                  { "type": "liveness", "command": ["/app/check", "--live"] },
                  { "type": "readiness", "listening": true }
                ],
                "worker": [ { "uptime": 30 } ],
                "clock": [ { "command": "./check 'a b' $PORT", "listening": false } ]
            } }
            """;

        var result = AppJsonParser.Parse(Json);

        Assert.True(result.IsValid, string.Join(" ", result.Errors));
        var checks = result.Value!.HealthChecks;
        Assert.Equal(["clock", "web", "worker"], checks.Keys);
        Assert.Equal(
            [
                new HealthCheck
                {
                    Name = "ready",
                    Kind = HealthCheckKind.Http,
                    Path = "/health/ready?full=1",
                    Content = "ok",
                    Scheme = HealthCheckScheme.Https,
                    HttpHeaders = [new HttpHeader("Host", "example.com"), new HttpHeader("X-Empty", "")],
                    Port = 8080,
                    Attempts = 7,
                    Timeout = TimeSpan.FromSeconds(2),
                    Wait = TimeSpan.FromSeconds(4),
                    InitialDelay = TimeSpan.FromSeconds(9),
                    Warn = true,
                },
                HealthCheck.ForCommand("check-2", ["/app/check", "--live"]) with
                {
                    Purpose = HealthCheckPurpose.Liveness,
                },
                HealthCheck.ForListening("check-3") with { Purpose = HealthCheckPurpose.Readiness },
            ],
            checks["web"]);
        Assert.Equal([HealthCheck.ForUptime("check-1", TimeSpan.FromSeconds(30))], checks["worker"]);
        Assert.Equal([HealthCheck.ForCommand("check-1", ["./check", "a b", "$PORT"])], checks["clock"]);
    }

    [Fact]
    public void Parse_CheckWithOnlyAPath_HasEveryDefault()
    {
        var result = AppJsonParser.Parse("""{ "healthchecks": { "web": [ { "path": "/" } ] } }""");

        var check = Assert.Single(result.Value!.HealthChecks["web"]);
        Assert.Equal("check-1", check.Name);
        Assert.Equal(HealthCheckKind.Http, check.Kind);
        Assert.Equal(HealthCheckPurpose.Startup, check.Purpose);
        Assert.Equal("/", check.Path);
        Assert.Null(check.Content);
        Assert.Equal(HealthCheckScheme.Http, check.Scheme);
        Assert.Empty(check.HttpHeaders);
        Assert.Null(check.Port);
        Assert.Equal(3, check.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(5), check.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(5), check.Wait);
        Assert.Equal(TimeSpan.Zero, check.InitialDelay);
        Assert.False(check.Warn);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"  \"")]
    [InlineData("null")]
    public void Parse_BlankOrNullName_GetsItsPosition(string name)
    {
        var json = $$"""{ "healthchecks": { "web": [ { "uptime": 1 }, { "uptime": 2, "name": {{name}} } ] } }""";

        var result = AppJsonParser.Parse(json);

        Assert.Equal(["check-1", "check-2"], result.Value!.HealthChecks["web"].Select(c => c.Name));
    }

    [Theory]
    [InlineData("HTTP", HealthCheckScheme.Http)]
    [InlineData("http", HealthCheckScheme.Http)]
    [InlineData("HTTPS", HealthCheckScheme.Https)]
    public void Parse_SchemeInAnyCase_IsRead(string scheme, HealthCheckScheme expected)
    {
        var json = $$"""{ "healthchecks": { "web": [ { "path": "/", "scheme": "{{scheme}}" } ] } }""";

        var result = AppJsonParser.Parse(json);

        Assert.Equal(expected, result.Value!.HealthChecks["web"][0].Scheme);
    }

    [Fact]
    public void Parse_EmptyContent_MeansNoContentCheck()
    {
        var result = AppJsonParser.Parse("""{ "healthchecks": { "web": [ { "path": "/", "content": "" } ] } }""");

        Assert.Null(result.Value!.HealthChecks["web"][0].Content);
    }

    [Fact]
    public void Parse_HttpKeysOnAnotherKind_AreDropped()
    {
        const string Json = """
            { "healthchecks": { "web": [ {
                "uptime": 5, "content": "ok", "scheme": "https", "port": 9000,
                "httpHeaders": [ { "name": "Host", "value": "x" } ]
            } ] } }
            """;

        var result = AppJsonParser.Parse(Json);

        Assert.Equal([HealthCheck.ForUptime("check-1", TimeSpan.FromSeconds(5))], result.Value!.HealthChecks["web"]);
    }

    [Fact]
    public void Parse_PortOfAListeningCheck_IsKept()
    {
        var result = AppJsonParser.Parse(
            """{ "healthchecks": { "worker": [ { "listening": true, "port": 6379 } ] } }""");

        Assert.Equal([HealthCheck.ForListening("check-1", 6379)], result.Value!.HealthChecks["worker"]);
    }

    [Fact]
    public void Parse_HttpCheckOfAnotherTypeWithAPort_IsAccepted()
    {
        var result = AppJsonParser.Parse("""{ "healthchecks": { "api": [ { "path": "/", "port": 9000 } ] } }""");

        Assert.Equal(9000, result.Value!.HealthChecks["api"][0].Port);
    }

    [Theory]
    [InlineData("attempts", "1", 1)]
    [InlineData("attempts", "100", 100)]
    [InlineData("timeout", "1", 1)]
    [InlineData("timeout", "600", 600)]
    [InlineData("wait", "1", 1)]
    [InlineData("wait", "600", 600)]
    [InlineData("initialDelay", "0", 0)]
    [InlineData("initialDelay", "600", 600)]
    [InlineData("uptime", "1", 1)]
    [InlineData("uptime", "600", 600)]
    [InlineData("port", "1", 1)]
    [InlineData("port", "65535", 65535)]
    public void Parse_SettingAtItsBounds_IsAccepted(string key, string value, int expected)
    {
        var target = key == "uptime" ? string.Empty : "\"listening\": true, ";
        var json = $$"""{ "healthchecks": { "web": [ { {{target}}"{{key}}": {{value}} } ] } }""";

        var result = AppJsonParser.Parse(json);

        Assert.True(result.IsValid, string.Join(" ", result.Errors));
        var check = result.Value!.HealthChecks["web"][0];
        var actual = key switch
        {
            "attempts" => check.Attempts,
            "timeout" => (int)check.Timeout.TotalSeconds,
            "wait" => (int)check.Wait.TotalSeconds,
            "initialDelay" => (int)check.InitialDelay.TotalSeconds,
            "uptime" => (int)check.Uptime!.Value.TotalSeconds,
            _ => check.Port!.Value,
        };
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("{ \"healthchecks\": null }")]
    [InlineData("{ \"healthchecks\": {} }")]
    [InlineData("{ \"healthchecks\": { \"web\": null } }")]
    public void Parse_NullOrEmptySection_GivesNoChecks(string json)
    {
        var result = AppJsonParser.Parse(json);

        Assert.True(result.IsValid);
        Assert.Empty(result.Value!.HealthChecks);
    }

    [Fact]
    public void Parse_EmptyList_KeepsTheTypeWithNoCheck()
    {
        var result = AppJsonParser.Parse("""{ "healthchecks": { "web": [] } }""");

        Assert.Empty(result.Value!.HealthChecks["web"]);
    }

    [Fact]
    public void Parse_NullSettings_CountAsAbsent()
    {
        const string Json = """
            { "healthchecks": { "web": [ {
                "path": "/", "type": null, "name": null, "content": null, "scheme": null, "httpHeaders": null,
                "command": null, "uptime": null, "listening": null, "port": null, "attempts": null,
                "timeout": null, "wait": null, "initialDelay": null, "warn": null
            } ] } }
            """;

        var result = AppJsonParser.Parse(Json);

        Assert.True(result.IsValid, string.Join(" ", result.Errors));
        Assert.Equal([HealthCheck.ForPath("check-1", "/")], result.Value!.HealthChecks["web"]);
    }

    [Fact]
    public void Empty_HasNoHealthChecks()
    {
        Assert.Empty(AppManifest.Empty.HealthChecks);
    }

    [Fact]
    public void Parse_FormationAndHealthChecks_AreBothRead()
    {
        const string Json = """
            { "formation": { "web": { "quantity": 2 } }, "healthchecks": { "web": [ { "path": "/" } ] } }
            """;

        var result = AppJsonParser.Parse(Json);

        Assert.Equal(2, result.Value!.Formation["web"].Quantity);
        Assert.Single(result.Value.HealthChecks["web"]);
    }
}
