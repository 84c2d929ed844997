using Berth.Cli.Tests.Support;
using Berth.Contracts;

namespace Berth.Cli.Tests.Commands;

public sealed class NodesCommandsTests : IDisposable
{
    private readonly CliHarness harness = new();

    public NodesCommandsTests() => harness.LogIn();

    [Fact]
    public async Task List_Nodes_WritesTable()
    {
        harness.Api.Nodes = new ListNodesResponse
        {
            Nodes =
            {
                new NodeInfo { Name = "node-2", Address = "127.0.0.2", State = "down", MemoryMb = 2048 },
                new NodeInfo
                {
                    Name = "node-1",
                    Address = "127.0.0.1",
                    State = "ready",
                    MemoryMb = 4096,
                    Instances = 3,
                    Labels = { ["zone"] = "a", ["disk"] = "ssd" },
                },
            },
        };

        var exitCode = await harness.RunAsync("nodes:list");

        Assert.Equal(0, exitCode);
        var table = harness.Output.Tables.Single();
        Assert.Equal(["name", "address", "state", "memory", "instances", "labels"], table.Columns);
        Assert.Equal(["node-1", "127.0.0.1", "ready", "4096 MB", "3", "disk=ssd,zone=a"], table.Rows[0]);
        Assert.Equal(["node-2", "127.0.0.2", "down", "2048 MB", "0", "none"], table.Rows[1]);
    }

    [Fact]
    public async Task List_NoNodes_SaysHowToAddOne()
    {
        await harness.RunAsync("nodes:list");

        Assert.Contains("agent", harness.Output.Lines.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_ControlPlaneDown_SaysWhichUrl()
    {
        harness.Api.Failure = new Grpc.Core.RpcException(
            new Grpc.Core.Status(Grpc.Core.StatusCode.Unavailable, "Error connecting to subchannel."));

        var exitCode = await harness.RunAsync("nodes:list");

        Assert.Equal(1, exitCode);
        Assert.Equal(
            ["cannot reach the control plane at http://127.0.0.1:7000: Error connecting to subchannel."],
            harness.Output.Errors);
    }

    [Fact]
    public async Task Label_SetAndRemove_SendsBothAndPrintsLabels()
    {
        harness.Api.Node = new NodeInfo { Name = "node-1", Labels = { ["zone"] = "b", ["disk"] = "ssd" } };

        var exitCode = await harness.RunAsync("nodes:label", "node-1", "zone=b", "gpu-", "disk=ssd");

        Assert.Equal(0, exitCode);
        Assert.Equal(["LabelNode node-1"], harness.Api.Calls);
        Assert.Equal(new Dictionary<string, string> { ["disk"] = "ssd", ["zone"] = "b" }, harness.Api.LastLabelsSet);
        Assert.Equal(["gpu"], harness.Api.LastLabelsRemoved);
        Assert.Equal(["=====> node-1 labels", "disk=ssd", "zone=b"], harness.Output.Lines);
    }

    [Fact]
    public async Task Label_LastRemoved_SaysNoLabels()
    {
        harness.Api.Node = new NodeInfo { Name = "node-1" };

        await harness.RunAsync("nodes:label", "node-1", "zone-");

        Assert.Equal(["=====> node-1 labels", "No labels."], harness.Output.Lines);
    }

    [Fact]
    public async Task Label_EveryBadArgument_PrintsEachBeforeAnyCall()
    {
        var exitCode = await harness.RunAsync("nodes:label", "Node_1", "zone", "a=b=c", "x=1", "x-");

        Assert.Equal(1, exitCode);
        Assert.Empty(harness.Factory.Connections);
        Assert.Equal(
            [
                $"'Node_1' is not a valid node name: {Berth.Core.Nodes.NodeName.Rule}.",
                "'zone' is neither key=value (to set a label) nor key- (to remove one).",
                $"'b=c' is not a valid value for the label 'a': {Berth.Core.Nodes.NodeLabel.Rule}.",
                "the label key 'x' is given more than once; give each key once.",
            ],
            harness.Output.Errors);
    }

    [Fact]
    public async Task Label_UnknownNode_PrintsServerMessage()
    {
        harness.Api.Failure = new Grpc.Core.RpcException(
            new Grpc.Core.Status(Grpc.Core.StatusCode.NotFound, "node 'node-9' is not registered"));

        var exitCode = await harness.RunAsync("nodes:label", "node-9", "zone=a");

        Assert.Equal(1, exitCode);
        Assert.Equal(["node 'node-9' is not registered"], harness.Output.Errors);
    }

    public void Dispose() => harness.Dispose();
}
