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
        Assert.Equal(["instance", "node", "release", "state", "address", "message"], table.Columns);
        Assert.Equal(["myapp.web.1", "node-1", "v2", "failed", "127.0.0.1:20000", "exit code 1"], table.Rows[0]);
        Assert.Equal("myapp.web.2", table.Rows[1][0]);
        Assert.Equal("myapp.worker.1", table.Rows[2][0]);
    }

    [Fact]
    public async Task Ps_NoInstances_SaysSo()
    {
        await harness.RunAsync("ps", "myapp");

        Assert.Contains("has no instances", harness.Output.Lines.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scale_Counts_SendsFormationAndWarnsAboutUnplaced()
    {
        harness.Api.Scale = new ScaleResponse
        {
            App = "myapp",
            Formation = { ["web"] = 6, ["worker"] = 2 },
            Unplaced = { "myapp.web.6: no node has 512 MB free" },
        };

        var exitCode = await harness.RunAsync("ps:scale", "myapp", "web=6", "worker=2");

        Assert.Equal(0, exitCode);
        Assert.Equal(new Dictionary<string, int> { ["web"] = 6, ["worker"] = 2 }, harness.Api.LastFormation);
        Assert.Contains("web=6 worker=2", harness.Output.Lines, StringComparer.Ordinal);
        Assert.Equal(["not placed: myapp.web.6: no node has 512 MB free"], harness.Output.Warnings);
    }

    [Fact]
    public async Task Scale_NoCounts_PrintsCurrentFormation()
    {
        harness.Api.App = new AppInfo { Name = "myapp", Formation = { ["web"] = 1 } };

        var exitCode = await harness.RunAsync("ps:scale", "myapp");

        Assert.Equal(0, exitCode);
        Assert.Equal(["GetApp myapp"], harness.Api.Calls);
        Assert.Equal(["=====> myapp formation", "web=1"], harness.Output.Lines);
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
