using Berth.Cli.Tests.Support;
using Berth.Contracts;

namespace Berth.Cli.Tests.Commands;

public sealed class PsLifecycleCommandsTests : IDisposable
{
    private readonly CliHarness harness = new();

    public PsLifecycleCommandsTests()
    {
        harness.LogIn();
        harness.Api.Report = Report();
    }

    [Fact]
    public async Task Report_Text_WritesStateReleaseAndTypeTable()
    {
        var exitCode = await harness.RunAsync("ps:report", "myapp");

        Assert.Equal(0, exitCode);
        Assert.Equal(["GetProcessReport myapp"], harness.Api.Calls);
        Assert.Equal(["=====> myapp processes", "Stopped: no", "Release: v3"], harness.Output.Lines);
        var table = harness.Output.Tables.Single();
        Assert.Equal(
            ["type", "command", "quantity", "running", "memory", "constraints", "max parallel", "stop timeout"],
            table.Columns);
        Assert.Equal(["web", "(image command)", "2", "2", "256 MB", "none", "1", "30s"], table.Rows[0]);
        Assert.Equal(["worker", "python worker.py", "1", "0", "none", "disk=ssd,zone=a", "2", "90s"], table.Rows[1]);
    }

    [Fact]
    public async Task Report_Json_WritesWholeReport()
    {
        harness.Api.Report.Stopped = true;

        var exitCode = await harness.RunAsync("ps:report", "myapp", "--format", "json");

        Assert.Equal(0, exitCode);
        Assert.Equal(
            [
                "{\"app\":\"myapp\",\"stopped\":true,\"current_release\":3,\"processes\":[" +
                "{\"process\":\"web\",\"command\":\"\",\"quantity\":2,\"running\":2,\"memory_mb\":256," +
                "\"constraints\":{},\"max_parallel\":1,\"stop_timeout_seconds\":30}," +
                "{\"process\":\"worker\",\"command\":\"python worker.py\",\"quantity\":1,\"running\":0," +
                "\"memory_mb\":0,\"constraints\":{\"disk\":\"ssd\",\"zone\":\"a\"},\"max_parallel\":2," +
                "\"stop_timeout_seconds\":90}" +
                "],\"unplaced\":[]}",
            ],
            harness.Output.Lines);
    }

    [Fact]
    public async Task Report_NoProcessTypes_SaysTheyComeWithDeploy()
    {
        harness.Api.Report = new ProcessReport { App = "myapp" };

        await harness.RunAsync("ps:report", "myapp");

        Assert.Equal("Release: none", harness.Output.Lines[2]);
        Assert.Contains("first deploy", harness.Output.Lines[3], StringComparison.Ordinal);
        Assert.Empty(harness.Output.Tables);
    }

    [Fact]
    public async Task Report_Unplaced_WarnsButExitsWithZero()
    {
        harness.Api.Report.Unplaced.Add("myapp.worker.1: no ready node has the labels disk=ssd, zone=a");

        var exitCode = await harness.RunAsync("ps:report", "myapp");

        Assert.Equal(0, exitCode);
        Assert.Contains("  myapp.worker.1: no ready node has the labels disk=ssd, zone=a", harness.Output.Warnings);
    }

    [Theory]
    [InlineData(
        "ps:stop",
        "StopApp myapp",
        "Stopped myapp; its formation is kept, and berth ps:start myapp runs it again.")]
    [InlineData("ps:start", "StartApp myapp", "Started myapp.")]
    [InlineData("ps:restart", "RestartApp myapp", "Restarted myapp.")]
    [InlineData("ps:rebuild", "RebuildApp myapp", "Rebuilt myapp as release v3.")]
    public async Task Change_App_CallsAndWritesWhatItDidThenReport(string command, string call, string done)
    {
        var exitCode = await harness.RunAsync(command, "myapp");

        Assert.Equal(0, exitCode);
        Assert.Equal([call], harness.Api.Calls);
        Assert.Equal([done, "=====> myapp processes", "Stopped: no", "Release: v3"], harness.Output.Lines);
        Assert.Single(harness.Output.Tables);
    }

    [Fact]
    public async Task Restart_OneType_SendsIt()
    {
        var exitCode = await harness.RunAsync("ps:restart", "myapp", "worker");

        Assert.Equal(0, exitCode);
        Assert.Equal(["RestartApp myapp worker"], harness.Api.Calls);
        Assert.Equal("Restarted the worker instances of myapp.", harness.Output.Lines[0]);
    }

    [Fact]
    public async Task Restart_BadAppAndType_ReportsBothBeforeAnyCall()
    {
        var exitCode = await harness.RunAsync("ps:restart", "My_App", "web!");

        Assert.Equal(1, exitCode);
        Assert.Equal(2, harness.Output.Errors.Count);
        Assert.Contains("'web!' is not a valid process type", harness.Output.Errors[1], StringComparison.Ordinal);
        Assert.Empty(harness.Factory.Connections);
    }

    [Fact]
    public async Task Start_Unplaced_WarnsAndExitsWithOne()
    {
        harness.Api.Report.Unplaced.Add("myapp.web.2: no node is ready");

        var exitCode = await harness.RunAsync("ps:start", "myapp");

        Assert.Equal(1, exitCode);
        Assert.Equal("the cluster could not place 1 instance of myapp:", harness.Output.Warnings[0]);
        Assert.Equal("  myapp.web.2: no node is ready", harness.Output.Warnings[1]);
    }

    [Fact]
    public async Task Stop_Json_WritesOnlyTheReport()
    {
        var exitCode = await harness.RunAsync("ps:stop", "myapp", "--format", "json");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("{\"app\":\"myapp\",", harness.Output.Lines.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stop_BadApp_FailsBeforeAnyCall()
    {
        var exitCode = await harness.RunAsync("ps:stop", "-bad");

        Assert.Equal(1, exitCode);
        Assert.Empty(harness.Factory.Connections);
    }

    [Fact]
    public async Task Rebuild_ServerRefuses_PrintsItsMessage()
    {
        harness.Api.Failure = new Grpc.Core.RpcException(new Grpc.Core.Status(
            Grpc.Core.StatusCode.FailedPrecondition,
            "myapp has no pushed commit to rebuild; git push first"));

        var exitCode = await harness.RunAsync("ps:rebuild", "myapp");

        Assert.Equal(1, exitCode);
        Assert.Equal(["myapp has no pushed commit to rebuild; git push first"], harness.Output.Errors);
    }

    private static ProcessReport Report() => new()
    {
        App = "myapp",
        CurrentRelease = 3,
        Processes =
        {
            new ProcessTypeReport
            {
                Process = "worker",
                Command = "python worker.py",
                Quantity = 1,
                Running = 0,
                Constraints = { ["zone"] = "a", ["disk"] = "ssd" },
                MaxParallel = 2,
                StopTimeoutSeconds = 90,
            },
            new ProcessTypeReport
            {
                Process = "web",
                Quantity = 2,
                Running = 2,
                MemoryMb = 256,
                MaxParallel = 1,
                StopTimeoutSeconds = 30,
            },
        },
    };

    public void Dispose() => harness.Dispose();
}
