using Berth.Agent.Containers;
using Berth.Agent.Reporting;
using Berth.Agent.Tests.Containers;

namespace Berth.Agent.Tests.Reporting;

public sealed class InstanceStatusBoardTests
{
    [Fact]
    public void Begin_Starts_AreMarkedStartingAndOthersForgotten()
    {
        var board = new InstanceStatusBoard();
        var web = Fixtures.Assignment();
        board.Failed(new RemoveContainer("id", "old.web.1.v1"), "earlier failure");

        board.Begin([new StartInstance(web, 20000), new RemoveContainer("id2", "x.web.1.v1")]);

        var expected = new PendingInstance(web.ContainerName, web, 20000, InstanceStates.Starting, "");
        Assert.Equal([expected], board.Snapshot());
    }

    [Fact]
    public void Failed_ThenSucceeded_ClearsTheEntry()
    {
        var board = new InstanceStatusBoard();
        var start = new StartInstance(Fixtures.Assignment(), 20000);
        board.Begin([start]);

        board.Failed(start, "pull failed");
        Assert.Equal(("failed", "pull failed"), (board.Snapshot()[0].State, board.Snapshot()[0].Message));

        board.Succeeded(start);
        Assert.Empty(board.Snapshot());
    }

    [Fact]
    public void Failed_Rejection_KeepsTheAssignmentForTheReport()
    {
        var board = new InstanceStatusBoard();
        var assignment = Fixtures.Assignment();

        board.Failed(new RejectInstance(assignment, "no port"), "no port");

        Assert.Equal(assignment, Assert.Single(board.Snapshot()).Assignment);
    }
}
