using Berth.Agent.Containers;
using Berth.Agent.Options;

namespace Berth.Agent.Tests.Containers;

public sealed class ContainerReconcilerTests
{
    private static readonly PortRange Ports = new(20000, 20009);

    [Fact]
    public void Plan_MatchingRunningContainer_KeepsItWithoutOperations()
    {
        var plan = ContainerReconciler.Plan(
            [Fixtures.Assignment(index: 1), Fixtures.Assignment(process: "worker", index: 1)],
            [Fixtures.Managed(index: 1, port: 20000), Fixtures.Managed(process: "worker", index: 1)],
            Ports);

        Assert.Empty(plan);
    }

    [Fact]
    public void Plan_MissingInstances_StartsThemWithPortsOnlyForListeners()
    {
        var web = Fixtures.Assignment(process: "web");
        var worker = Fixtures.Assignment(process: "worker");

        var plan = ContainerReconciler.Plan([web, worker], [], Ports);

        Assert.Equal([new StartInstance(web, 20000), new StartInstance(worker, 0)], plan);
    }

    [Fact]
    public void Plan_ManagedContainerNotInTheSet_RemovesIt()
    {
        var stale = Fixtures.Managed(app: "old", port: 20003);

        var plan = ContainerReconciler.Plan([], [stale], Ports);

        Assert.Equal([new RemoveContainer(stale.Id, stale.Name)], plan);
    }

    [Fact]
    public void Plan_NewReleaseOfAnInstance_StartsItBesideTheOldAndRemovesTheOld()
    {
        var next = Fixtures.Assignment(release: 4);
        var old = Fixtures.Managed(release: 3, port: 20000);

        var plan = ContainerReconciler.Plan([next], [old], Ports);

        Assert.Equal([new StartInstance(next, 20001), new RemoveContainer(old.Id, old.Name)], plan);
    }

    [Fact]
    public void Plan_UnmanagedContainers_AreNeverPartOfThePlan()
    {
        var dokku = Fixtures.Unmanaged("dokku.web.1");
        var almost = Fixtures.Unmanaged("shop.web.2.v3", new Dictionary<string, string>
        {
            [ContainerLabels.Managed] = "false",
            [ContainerLabels.Port] = "20000",
        });

        var plan = ContainerReconciler.Plan([], [dokku, almost], Ports);

        Assert.Empty(plan);
    }

    [Fact]
    public void Plan_UnmanagedContainerWithAnAssignedName_IsNeitherKeptNorTouched()
    {
        var assignment = Fixtures.Assignment();
        var squatter = Fixtures.Unmanaged(assignment.ContainerName);

        var plan = ContainerReconciler.Plan([assignment], [squatter], Ports);

        var start = Assert.IsType<StartInstance>(Assert.Single(plan));
        Assert.Equal(assignment, start.Assignment);
    }

    [Fact]
    public void Plan_MatchingContainerNeverStarted_StartsIt()
    {
        var created = Fixtures.Managed(port: 20000, state: DockerStates.Created);
        var assignment = Fixtures.Assignment();

        var plan = ContainerReconciler.Plan([assignment], [created], Ports);

        Assert.Equal([new StartContainer(created.Id, created.Name, assignment)], plan);
    }

    [Fact]
    public void Plan_CrashedMatchingContainer_IsLeftToTheRestartSupervisor()
    {
        var crashed = Fixtures.Managed(port: 20000, state: DockerStates.Exited, exitCode: 3);

        var plan = ContainerReconciler.Plan([Fixtures.Assignment()], [crashed], Ports);

        Assert.Empty(plan);
    }

    [Fact]
    public void Plan_CrashedContainer_KeepsItsPortFromNewInstances()
    {
        var crashed = Fixtures.Managed(index: 1, port: 20000, state: DockerStates.Exited, exitCode: 3);
        var fresh = Fixtures.Assignment(index: 2);

        var plan = ContainerReconciler.Plan([Fixtures.Assignment(index: 1), fresh], [crashed], Ports);

        Assert.Equal([new StartInstance(fresh, 20001)], plan);
    }

    [Fact]
    public void Plan_CrashedContainerNoLongerAssigned_IsRemoved()
    {
        var crashed = Fixtures.Managed(port: 20000, state: DockerStates.Exited, exitCode: 3);

        var plan = ContainerReconciler.Plan([], [crashed], Ports);

        Assert.Equal([new RemoveContainer(crashed.Id, crashed.Name)], plan);
    }

    [Theory]
    [InlineData(DockerStates.Restarting)]
    [InlineData(DockerStates.Paused)]
    [InlineData(DockerStates.Removing)]
    public void Plan_MatchingContainerInOtherStates_IsLeftAlone(string state)
    {
        var plan = ContainerReconciler.Plan([Fixtures.Assignment()], [Fixtures.Managed(state: state)], Ports);

        Assert.Empty(plan);
    }

    [Fact]
    public void Plan_PortAllocation_SkipsPortsOfEveryManagedContainerIncludingThoseBeingRemoved()
    {
        var kept = Fixtures.Managed(index: 1, port: 20000);
        var leaving = Fixtures.Managed(app: "gone", port: 20001);
        var adopted = Fixtures.Managed(app: "other", port: 20003);
        var first = Fixtures.Assignment(index: 2);
        var second = Fixtures.Assignment(index: 3);

        var plan = ContainerReconciler.Plan(
            [Fixtures.Assignment(index: 1), Fixtures.Assignment(app: "other"), first, second],
            [kept, leaving, adopted],
            Ports);

        var starts = plan.OfType<StartInstance>().ToList();
        Assert.Equal([new StartInstance(first, 20002), new StartInstance(second, 20004)], starts);
    }

    [Fact]
    public void Plan_PortsExhausted_RejectsTheInstancesLeftWithAReason()
    {
        var range = new PortRange(20000, 20001);
        var taken = Fixtures.Managed(index: 1, port: 20000);
        var two = Fixtures.Assignment(index: 2);
        var three = Fixtures.Assignment(index: 3);
        var worker = Fixtures.Assignment(process: "worker");

        var plan = ContainerReconciler.Plan([Fixtures.Assignment(index: 1), two, three, worker], [taken], range);

        var reject = Assert.IsType<RejectInstance>(plan[0]);
        Assert.Equal(three, reject.Assignment);
        Assert.Contains(
            "no free port is left in the node's range 20000-20001",
            reject.Reason,
            StringComparison.Ordinal);
        Assert.Equal([new StartInstance(two, 20001), new StartInstance(worker, 0)], plan.Skip(1));
    }

    [Fact]
    public void Plan_DuplicateAssignments_PlanOneStart()
    {
        var assignment = Fixtures.Assignment();

        var plan = ContainerReconciler.Plan([assignment, assignment with { }], [], Ports);

        Assert.Single(plan);
    }

    [Fact]
    public void Plan_MixedChanges_OrdersRestartsThenStartsThenRemovals()
    {
        var stopped = Fixtures.Managed(index: 1, port: 20000, state: DockerStates.Created);
        var stale = Fixtures.Managed(app: "zzz");
        var fresh = Fixtures.Assignment(index: 2);
        var first = Fixtures.Assignment(index: 1);

        var plan = ContainerReconciler.Plan([fresh, first], [stale, stopped], Ports);

        Assert.Equal(
            [
                new StartContainer(stopped.Id, stopped.Name, first),
                new StartInstance(fresh, 20001),
                new RemoveContainer(stale.Id, stale.Name),
            ],
            plan);
    }
}
