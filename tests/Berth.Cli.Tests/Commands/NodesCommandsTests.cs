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
                },
            },
        };

        var exitCode = await harness.RunAsync("nodes:list");

        Assert.Equal(0, exitCode);
        var table = harness.Output.Tables.Single();
        Assert.Equal(["name", "address", "state", "memory", "instances"], table.Columns);
        Assert.Equal(["node-1", "127.0.0.1", "ready", "4096 MB", "3"], table.Rows[0]);
        Assert.Equal(["node-2", "127.0.0.2", "down", "2048 MB", "0"], table.Rows[1]);
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

    public void Dispose() => harness.Dispose();
}
