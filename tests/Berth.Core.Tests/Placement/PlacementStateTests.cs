using Berth.Core.Placement;
using static Berth.Core.Tests.Placement.Fixtures;

namespace Berth.Core.Tests.Placement;

public sealed class PlacementStateTests
{
    private static readonly NodeCapacity[] ThreeNodes = [Node("n1"), Node("n2"), Node("n3")];

    [Fact]
    public void Plan_ScaleUpByOne_PlacesOnTheNodeWithFewestOfTheTypeAndKeepsTheRest()
    {
        PlacedInstance[] running =
        [
            Instance("app", "web", 1, "n1"),
            Instance("app", "web", 2, "n2"),
            Instance("app", "web", 3, "n3"),
            Instance("app", "web", 4, "n1"),
            Instance("other", "web", 1, "n2"),
        ];
        var state = new PlacementState(ThreeNodes, running);

        var plan = state.Plan([Demand("app", "web", 5)]);

        Assert.Equal(running[..4].OrderBy(i => i.Index), plan.Keep);
        Assert.Equal([Instance("app", "web", 5, "n3")], plan.Place);
        Assert.Empty(plan.Stop);
        Assert.Empty(plan.Unplaced);
    }

    [Fact]
    public void Plan_NewApp_PrefersNodesWithFewerInstancesOfOtherApps()
    {
        var state = new PlacementState(
            ThreeNodes,
            [
                Instance("other", "web", 1, "n1"),
                Instance("other", "web", 2, "n2"),
                Instance("other", "worker", 1, "n1"),
            ]);

        var plan = state.Plan([Demand("app", "web", 2)]);

        Assert.Equal(["n3", "n2"], plan.Place.Select(i => i.Node));
    }

    [Fact]
    public void Plan_ScaleDown_StopsTheHighestIndexesOnly()
    {
        PlacedInstance[] running =
            [.. Enumerable.Range(1, 4).Select(i => Instance("app", "web", i, $"n{1 + (i % 3)}"))];
        var state = new PlacementState(ThreeNodes, running);

        var plan = state.Plan([Demand("app", "web", 2)]);

        Assert.Equal([1, 2], plan.Keep.Select(i => i.Index));
        Assert.Equal([3, 4], plan.Stop.Select(i => i.Index));
        Assert.Empty(plan.Place);
    }

    [Fact]
    public void Plan_CountZero_StopsEveryInstanceOfTheType()
    {
        PlacedInstance[] running = [Instance("app", "worker", 1, "n1"), Instance("app", "web", 1, "n2")];
        var state = new PlacementState(ThreeNodes, running);

        var plan = state.Plan([Demand("app", "worker", 0)]);

        Assert.Equal([running[0]], plan.Stop);
        Assert.Empty(plan.Keep);
    }

    [Fact]
    public void Plan_NewRelease_StopsOldInstancesAndPlacesNewOnes()
    {
        PlacedInstance[] running = [Instance("app", "web", 1, "n1"), Instance("app", "web", 2, "n2")];
        var state = new PlacementState(ThreeNodes, running);

        var plan = state.Plan([Demand("app", "web", 2, release: 2)]);

        Assert.Equal(running, plan.Stop);
        Assert.Equal([2, 2], plan.Place.Select(i => i.Release));
    }

    [Fact]
    public void Plan_OtherAppsHoldTheMemory_UnplacedNamingTheMemory()
    {
        var state = new PlacementState(
            [Node("n1", memoryMb: 1000)],
            [Instance("big", "web", 1, "n1", memoryMb: 800)]);

        var plan = state.Plan([Demand("new", "web", 1, memoryMb: 400)]);

        Assert.Equal("no ready node has 400 MiB of memory free", Assert.Single(plan.Unplaced).Reason);
    }

    [Fact]
    public void Plan_InstanceOnDownNode_IsStoppedAndPlacedElsewhere()
    {
        var lost = Instance("app", "web", 1, "n1");
        var state = new PlacementState([Node("n1", NodeStatus.Down), Node("n2")], [lost]);

        var plan = state.Plan([Demand("app", "web", 1)]);

        Assert.Equal([lost], plan.Stop);
        Assert.Equal([Instance("app", "web", 1, "n2")], plan.Place);
    }

    [Fact]
    public void Plan_NoNodeWithTheLabels_UnplacedNamingTheLabels()
    {
        var state = new PlacementState(ThreeNodes, []);

        var plan = state.Plan([Demand("app", "web", 1, constraints: ("gpu", "yes"))]);

        Assert.Equal("no ready node has the labels gpu=yes", Assert.Single(plan.Unplaced).Reason);
    }

    [Fact]
    public void Plan_TwoDemandsForOneType_Throws()
    {
        var state = new PlacementState(ThreeNodes, []);

        Assert.Throws<ArgumentException>(() => state.Plan([Demand("app", "web", 1), Demand("app", "web", 2)]));
    }

    [Fact]
    public void Plan_CalledTwice_ReturnsTheSamePlanAndChangesNothing()
    {
        PlacedInstance[] running = [Instance("app", "web", 1, "n1", memoryMb: 100)];
        var state = new PlacementState(ThreeNodes, running);

        var first = state.Plan([Demand("app", "web", 3, memoryMb: 100)]);
        var second = state.Plan([Demand("app", "web", 3, memoryMb: 100)]);

        Assert.Equal(first.Place, second.Place);
        Assert.Equal(running, state.Instances());
    }

    [Fact]
    public void Apply_Plan_HoldsWhatItPlacesAndDropsWhatItStops()
    {
        var state = new PlacementState(ThreeNodes, [Instance("app", "web", 1, "n1"), Instance("app", "web", 2, "n2")]);

        state.Apply(state.Plan([Demand("app", "web", 1)]));
        state.Apply(state.Plan([Demand("app", "worker", 1)]));

        Assert.Equal([Instance("app", "web", 1, "n1"), Instance("app", "worker", 1, "n2")], state.Instances());
        Assert.Equal(2, state.Count);
    }

    [Fact]
    public void Apply_ThenPlan_CountsTheAppliedInstances()
    {
        var state = new PlacementState([Node("n1", memoryMb: 1000), Node("n2", memoryMb: 1000)], []);

        state.Apply(state.Plan([Demand("a", "web", 2, memoryMb: 600)]));
        var plan = state.Plan([Demand("b", "web", 1, memoryMb: 600)]);

        Assert.Equal("no ready node has 600 MiB of memory free", Assert.Single(plan.Unplaced).Reason);
    }

    [Fact]
    public void Apply_StopOfAnInstanceNotHeld_ThrowsAndChangesNothing()
    {
        var held = Instance("app", "web", 1, "n1");
        var state = new PlacementState(ThreeNodes, [held]);
        var plan = new PlacementPlan([], [Instance("app", "web", 2, "n2")], [Instance("app", "web", 1, "n3")], []);

        Assert.Throws<ArgumentException>(() => state.Apply(plan));
        Assert.Equal([held], state.Instances());
    }

    [Fact]
    public void Apply_StopOfOneOfTwoIdenticalInstances_HoldsTheOther()
    {
        var twin = Instance("app", "web", 1, "n1", memoryMb: 600);
        var state = new PlacementState([Node("n1", memoryMb: 1300)], [twin, twin]);

        state.Apply(new PlacementPlan([], [], [twin], []));

        Assert.Equal([twin], state.Instances());
        Assert.Single(state.Plan([Demand("other", "web", 1, memoryMb: 700)]).Place);
        Assert.Single(state.Plan([Demand("other", "web", 1, memoryMb: 701)]).Unplaced);
    }

    [Fact]
    public void Apply_NewReleaseOfAType_ReplacesEveryInstance()
    {
        var state = new PlacementState(ThreeNodes, []);
        state.Apply(state.Plan([Demand("app", "web", 5, memoryMb: 100)]));

        var plan = state.Plan([Demand("app", "web", 5, release: 2, memoryMb: 100)]);
        state.Apply(plan);

        Assert.Equal(5, plan.Stop.Count);
        Assert.Equal(plan.Place, state.Instances());
        Assert.Equal(5, state.Count);
    }

    [Fact]
    public void Apply_PlaceOnUnknownNode_Throws()
    {
        var state = new PlacementState(ThreeNodes, []);
        var plan = new PlacementPlan([], [Instance("app", "web", 1, "elsewhere")], [], []);

        Assert.Throws<ArgumentException>(() => state.Apply(plan));
        Assert.Empty(state.Instances());
    }
}
