using Berth.Cli.Tests.Support;
using Berth.Contracts;

namespace Berth.Cli.Tests.Commands;

public sealed class PsCommandsTests : IDisposable
{
    private readonly CliHarness harness = new();

    public PsCommandsTests() => harness.LogIn();

    [Fact]
    public async Task Ps_Instances_WritesTableByProcessAndIndex()
    {
        harness.Api.Instances = new ListInstancesResponse
        {
            Instances =
            {
                Instance("myapp.worker.1", "worker", 1, "", "running", ""),
                Instance("myapp.web.2", "web", 2, "127.0.0.1:20001", "starting", ""),
                Instance("myapp.web.1", "web", 1, "127.0.0.1:20000", "failed", "exit code 1"),
            },
        };

        var exitCode = await harness.RunAsync("ps", "myapp");

        Assert.Equal(0, exitCode);
        var table = harness.Output.Tables.Single();
        Assert.Equal(
            ["instance", "node", "release", "state", "restarts", "uptime", "address", "message"],
            table.Columns);
        Assert.Equal(
            ["myapp.web.1", "node-1", "v2", "failed", "0", "", "127.0.0.1:20000", "exit code 1"],
            table.Rows[0]);
        Assert.Equal("myapp.web.2", table.Rows[1][0]);
        Assert.Equal("myapp.worker.1", table.Rows[2][0]);
    }

    [Fact]
    public async Task Ps_RunningAndCrashed_ShowsRestartsUptimeAndRetry()
    {
        var running = Instance("myapp.web.1", "web", 1, "127.0.0.1:20000", "running", "");
        running.Restarts = 2;
        running.StartedAt = "2025-06-01T09:00:00Z";
        var crashed = Instance("myapp.worker.1", "worker", 1, "", "crashed", "");
        crashed.Restarts = 5;
        crashed.ExitCode = 3;
        crashed.NextRestartAt = "2025-06-01T12:00:10Z";
        harness.Api.Instances = new ListInstancesResponse { Instances = { crashed, running } };
        harness.Time.Advance(TimeSpan.FromSeconds(6));

        await harness.RunAsync("ps", "myapp");

        var rows = harness.Output.Tables.Single().Rows;
        Assert.Equal(["myapp.web.1", "node-1", "v2", "running", "2", "3h", "127.0.0.1:20000", ""], rows[0]);
        Assert.Equal(["myapp.worker.1", "node-1", "v2", "crashed (exit 3, retry in 4s)", "5", "", "", ""], rows[1]);
    }

    [Fact]
    public async Task Ps_NoInstances_SaysSo()
    {
        await harness.RunAsync("ps", "myapp");

        Assert.Contains("has no instances", harness.Output.Lines.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ps_Json_WritesEveryFieldOfEachInstance()
    {
        var crashed = Instance("myapp.worker.1", "worker", 1, "", "crashed", "exited");
        crashed.Restarts = 5;
        crashed.ExitCode = 3;
        crashed.NextRestartAt = "2025-06-01T12:00:10Z";
        var running = Instance("myapp.web.1", "web", 1, "127.0.0.1:20000", "running", "");
        running.StartedAt = "2025-06-01T09:00:00Z";
        harness.Api.Instances = new ListInstancesResponse { Instances = { crashed, running } };

        var exitCode = await harness.RunAsync("ps", "myapp", "--format", "json");

        Assert.Equal(0, exitCode);
        Assert.Empty(harness.Output.Tables);
        Assert.Equal(
            [
                "[" +
                "{\"name\":\"myapp.web.1\",\"app\":\"myapp\",\"process\":\"web\",\"index\":1,\"release\":2," +
                "\"node\":\"node-1\",\"state\":\"running\",\"address\":\"127.0.0.1:20000\",\"message\":\"\"," +
                "\"restarts\":0,\"started_at\":\"2025-06-01T09:00:00Z\",\"next_restart_at\":null,\"exit_code\":0}," +
                "{\"name\":\"myapp.worker.1\",\"app\":\"myapp\",\"process\":\"worker\",\"index\":1,\"release\":2," +
                "\"node\":\"node-1\",\"state\":\"crashed\",\"address\":\"\",\"message\":\"exited\"," +
                "\"restarts\":5,\"started_at\":null,\"next_restart_at\":\"2025-06-01T12:00:10Z\",\"exit_code\":3}" +
                "]",
            ],
            harness.Output.Lines);
    }

    [Fact]
    public async Task Ps_JsonNoInstances_WritesEmptyArray()
    {
        await harness.RunAsync("ps", "myapp", "--format", "json");

        Assert.Equal(["[]"], harness.Output.Lines);
    }

    [Fact]
    public async Task Scale_Counts_SendsFormationAndPrintsIt()
    {
        harness.Api.Scale = new ScaleResponse { App = "myapp", Formation = { ["web"] = 6, ["worker"] = 2 } };

        var exitCode = await harness.RunAsync("ps:scale", "myapp", "web=6", "worker=2");

        Assert.Equal(0, exitCode);
        Assert.Equal(new Dictionary<string, int> { ["web"] = 6, ["worker"] = 2 }, harness.Api.LastFormation);
        Assert.Equal(["=====> myapp formation", "web=6 worker=2"], harness.Output.Lines);
        Assert.Empty(harness.Output.Warnings);
    }

    [Fact]
    public async Task Scale_Unplaced_KeepsFormationWarnsEachAndExitsWithOne()
    {
        harness.Api.Scale = new ScaleResponse
        {
            App = "myapp",
            Formation = { ["web"] = 7, ["worker"] = 2 },
            Unplaced =
            {
                "myapp.web.6: no ready node has 512 MiB of memory free",
                "myapp.web.7: no ready node has 512 MiB of memory free",
            },
        };

        var exitCode = await harness.RunAsync("ps:scale", "myapp", "web=7", "worker=2");

        Assert.Equal(1, exitCode);
        Assert.Equal(["=====> myapp formation", "web=7 worker=2"], harness.Output.Lines);
        Assert.Equal(
            [
                "the cluster could not place 2 instances of myapp:",
                "  myapp.web.6: no ready node has 512 MiB of memory free",
                "  myapp.web.7: no ready node has 512 MiB of memory free",
                "add a node or free memory, or change the process type's memory or constraints with berth ps:set.",
            ],
            harness.Output.Warnings);
        Assert.Empty(harness.Output.Errors);
    }

    [Fact]
    public async Task Scale_JsonWithUnplaced_WritesOnlyJsonToStandardOutput()
    {
        harness.Api.Scale = new ScaleResponse
        {
            App = "myapp",
            Formation = { ["worker"] = 1, ["web"] = 2 },
            Unplaced = { "myapp.worker.1: no ready node has the labels gpu=yes" },
        };

        var exitCode = await harness.RunAsync("ps:scale", "myapp", "web=2", "worker=1", "--format", "json");

        Assert.Equal(1, exitCode);
        Assert.Equal(["{\"web\":2,\"worker\":1}"], harness.Output.Lines);
        Assert.Equal("the cluster could not place 1 instance of myapp:", harness.Output.Warnings[0]);
    }

    [Fact]
    public async Task Scale_NoCounts_PrintsCurrentFormation()
    {
        harness.Api.Formation = new ScaleResponse { App = "myapp", Formation = { ["web"] = 1, ["clock"] = 0 } };

        var exitCode = await harness.RunAsync("ps:scale", "myapp");

        Assert.Equal(0, exitCode);
        Assert.Equal(["GetFormation myapp"], harness.Api.Calls);
        Assert.Equal(["=====> myapp formation", "clock=0 web=1"], harness.Output.Lines);
    }

    [Fact]
    public async Task Scale_NoCountsJson_PrintsFormationAsObject()
    {
        harness.Api.Formation = new ScaleResponse { App = "myapp", Formation = { ["worker"] = 1, ["web"] = 2 } };

        var exitCode = await harness.RunAsync("ps:scale", "myapp", "--format", "json");

        Assert.Equal(0, exitCode);
        Assert.Equal(["{\"web\":2,\"worker\":1}"], harness.Output.Lines);
    }

    [Fact]
    public async Task Scale_NoCountsWithUnplaced_WarnsButExitsWithZero()
    {
        harness.Api.Formation = new ScaleResponse
        {
            App = "myapp",
            Formation = { ["web"] = 3 },
            Unplaced = { "myapp.web.3: no node is ready" },
        };

        var exitCode = await harness.RunAsync("ps:scale", "myapp");

        Assert.Equal(0, exitCode);
        Assert.Contains("  myapp.web.3: no node is ready", harness.Output.Warnings);
    }

    [Fact]
    public async Task Scale_BadFormat_IsUsageError()
    {
        var exitCode = await harness.RunAsync("ps:scale", "myapp", "--format", "yaml");

        Assert.Equal(2, exitCode);
        Assert.Empty(harness.Factory.Connections);
    }

    [Theory]
    [InlineData("web")]
    [InlineData("web=-1")]
    [InlineData("web=two")]
    [InlineData("we b=1")]
    [InlineData("web=100000")]
    public async Task Scale_BadCount_FailsBeforeAnyCall(string argument)
    {
        var exitCode = await harness.RunAsync("ps:scale", "myapp", argument);

        Assert.Equal(1, exitCode);
        Assert.Single(harness.Output.Errors);
        Assert.Empty(harness.Factory.Connections);
    }

    [Fact]
    public async Task Scale_SeveralBadCounts_ReportsEach()
    {
        var exitCode = await harness.RunAsync("ps:scale", "myapp", "web=x", "worker", "ok=1");

        Assert.Equal(1, exitCode);
        Assert.Equal(2, harness.Output.Errors.Count);
    }

    private static InstanceInfo Instance(
        string name,
        string process,
        int index,
        string address,
        string state,
        string message) =>
        new()
        {
            Name = name,
            App = "myapp",
            Process = process,
            Index = index,
            Release = 2,
            Node = "node-1",
            State = state,
            Address = address,
            Message = message,
        };

    public void Dispose() => harness.Dispose();
}
