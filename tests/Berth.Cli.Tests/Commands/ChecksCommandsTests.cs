using Berth.Cli.Tests.Support;
using Berth.Contracts;

namespace Berth.Cli.Tests.Commands;

public sealed class ChecksCommandsTests : IDisposable
{
    private readonly CliHarness harness = new();

    public ChecksCommandsTests()
    {
        harness.LogIn();
        harness.Api.Checks = Report();
    }

    [Fact]
    public async Task Report_Text_WritesTypeTableThenCheckTable()
    {
        var exitCode = await harness.RunAsync("checks:report", "myapp");

        Assert.Equal(0, exitCode);
        Assert.Equal(["GetChecks myapp"], harness.Api.Calls);
        Assert.Equal(["=====> myapp checks"], harness.Output.Lines);
        var types = harness.Output.Tables[0];
        Assert.Equal(["type", "mode", "source", "checks:set"], types.Columns);
        Assert.Equal(["web", "enabled", "CHECKS", "wait=2s attempts=9"], types.Rows[0]);
        Assert.Equal(["worker", "disabled", "none", "none"], types.Rows[1]);
        var checks = harness.Output.Tables[1];
        Assert.Equal(
            ["web", "check-1", "http", "GET /health contains 'ok'", "9", "5s", "2s", "0s", "fail"],
            Assert.Single(checks.Rows));
    }

    [Fact]
    public async Task Report_Json_WritesWholeReport()
    {
        await harness.RunAsync("checks:report", "myapp", "--format", "json");

        var json = harness.Output.Lines.Single();
        var start = "{\"app\":\"myapp\",\"processes\":[{\"process\":\"web\",\"mode\":\"enabled\"";
        Assert.StartsWith(start, json, StringComparison.Ordinal);
        Assert.Contains("\"target\":\"GET /health contains 'ok'\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_TypeAndSettings_SendsThemLeavingTheMode()
    {
        var exitCode = await harness.RunAsync("checks:set", "myapp", "web", "wait=5", "attempts=");

        Assert.Equal(0, exitCode);
        Assert.Equal(["SetChecks myapp web"], harness.Api.Calls);
        var request = harness.Api.LastChecks!;
        Assert.Equal(("web", ""), (request.Process, request.Mode));
        Assert.Equal((5, -1, 0), (request.WaitSeconds, request.TimeoutSeconds, request.Attempts));
        var done = harness.Output.Lines[0];
        Assert.StartsWith("Updated the check settings of web of myapp", done, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_NoType_AppliesToEveryType()
    {
        await harness.RunAsync("checks:set", "myapp", "timeout=30");

        var request = harness.Api.LastChecks!;
        Assert.Equal(("", 30), (request.Process, request.TimeoutSeconds));
        var done = harness.Output.Lines[0];
        Assert.StartsWith("Updated the check settings of every process type of myapp", done, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("checks:skip", "skipped", "Skipped")]
    [InlineData("checks:disable", "disabled", "Disabled")]
    [InlineData("checks:enable", "enabled", "Enabled")]
    public async Task Mode_WithType_SendsTheModeLeavingTheSettings(string command, string mode, string done)
    {
        var exitCode = await harness.RunAsync(command, "myapp", "worker");

        Assert.Equal(0, exitCode);
        var request = harness.Api.LastChecks!;
        Assert.Equal(("myapp", "worker", mode), (request.App, request.Process, request.Mode));
        Assert.Equal((-1, -1, -1), (request.WaitSeconds, request.TimeoutSeconds, request.Attempts));
        Assert.StartsWith($"{done} the checks of worker of myapp", harness.Output.Lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disable_NoType_WarnsOfDowntimeForEveryType()
    {
        await harness.RunAsync("checks:disable", "myapp");

        Assert.Equal("", harness.Api.LastChecks!.Process);
        Assert.Contains("every process type of myapp", harness.Output.Lines[0], StringComparison.Ordinal);
        var downtime = "old instances stop before their replacements start, so there is downtime";
        Assert.Contains(downtime, harness.Output.Lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_EveryBadArgument_PrintsEachBeforeAnyCall()
    {
        var exitCode = await harness.RunAsync("checks:set", "My_App", "we b", "wait=0", "tries=2");

        Assert.Equal(1, exitCode);
        Assert.Empty(harness.Factory.Connections);
        Assert.Equal(4, harness.Output.Errors.Count);
        Assert.Contains("'we b' is not a valid process type", harness.Output.Errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_TypeWithoutSetting_AsksForOne()
    {
        var exitCode = await harness.RunAsync("checks:set", "myapp", "web");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("no setting was given", Assert.Single(harness.Output.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mode_BadType_FailsBeforeAnyCall()
    {
        var exitCode = await harness.RunAsync("checks:skip", "myapp", "Web!");

        Assert.Equal(1, exitCode);
        Assert.Single(harness.Output.Errors);
        Assert.Empty(harness.Factory.Connections);
    }

    private static ChecksReport Report() => new()
    {
        App = "myapp",
        Processes =
        {
            new ProcessChecks { Process = "worker", Mode = "disabled", Source = "none" },
            new ProcessChecks
            {
                Process = "web",
                Mode = "enabled",
                Source = "CHECKS",
                WaitSeconds = 2,
                Attempts = 9,
                Checks =
                {
                    new CheckInfo
                    {
                        Name = "check-1",
                        Kind = "http",
                        Target = "GET /health contains 'ok'",
                        Attempts = 9,
                        TimeoutSeconds = 5,
                        WaitSeconds = 2,
                    },
                },
            },
        },
    };

    public void Dispose() => harness.Dispose();
}
