using Berth.Core.Placement;
using static Berth.Core.Tests.Placement.Fixtures;

namespace Berth.Core.Tests.Placement;

public sealed class PlacementPlannerTests
{
    [Fact]
    public void Plan_EmptyCluster_PlacesEveryInstance()
    {
        var plan = PlacementPlanner.Plan([Demand("app", "web", 2)], [Node("n1"), Node("n2")], []);

        Assert.Empty(plan.Keep);
        Assert.Empty(plan.Stop);
        Assert.Empty(plan.Unplaced);
        Assert.Equal(
            [Instance("app", "web", 1, "n1"), Instance("app", "web", 2, "n2")],
            plan.Place);
    }

    [Fact]
    public void Plan_PlacedInstance_CarriesReleaseAndMemoryOfTheDemand()
    {
        var plan = PlacementPlanner.Plan([Demand("app", "web", 1, release: 7, memoryMb: 256)], [Node("n1")], []);

        Assert.Equal(Instance("app", "web", 1, "n1", release: 7, memoryMb: 256), Assert.Single(plan.Place));
    }

    [Fact]
    public void Plan_CurrentMatchesFormation_KeepsEverythingAndPlacesNothing()
    {
        PlacedInstance[] current = [Instance("app", "web", 1, "n2"), Instance("app", "web", 2, "n1")];

        var plan = PlacementPlanner.Plan([Demand("app", "web", 2)], [Node("n1"), Node("n2")], current);

        Assert.Equal(current.OrderBy(i => i.Index), plan.Keep);
        Assert.Empty(plan.Place);
        Assert.Empty(plan.Stop);
        Assert.Empty(plan.Unplaced);
    }

    [Fact]
    public void Plan_InstanceOfAppNoLongerDemanded_IsStopped()
    {
        var old = Instance("gone", "web", 1, "n1");

        var plan = PlacementPlanner.Plan([Demand("app", "web", 1)], [Node("n1")], [old]);

        Assert.Equal([old], plan.Stop);
        Assert.Single(plan.Place);
    }

    [Fact]
    public void Plan_ZeroCount_StopsEveryInstanceOfTheType()
    {
        PlacedInstance[] current = [Instance("app", "worker", 1, "n1"), Instance("app", "worker", 2, "n1")];

        var plan = PlacementPlanner.Plan([Demand("app", "worker", 0)], [Node("n1")], current);

        Assert.Equal(current, plan.Stop);
        Assert.Empty(plan.Keep);
        Assert.Empty(plan.Place);
    }

    [Theory]
    [InlineData(NodeStatus.Down)]
    [InlineData(NodeStatus.Draining)]
    public void Plan_NodeNotReady_NeverReceivesAPlacement(NodeStatus status)
    {
        var plan = PlacementPlanner.Plan(
            [Demand("app", "web", 4)],
            [Node("a-not-ready", status), Node("b-ready")],
            []);

        Assert.All(plan.Place, i => Assert.Equal("b-ready", i.Node));
        Assert.Equal(4, plan.Place.Count);
    }

    [Fact]
    public void Plan_InstanceOnDownNode_IsStoppedAndPlacedElsewhere()
    {
        var lost = Instance("app", "web", 1, "n1");

        var plan = PlacementPlanner.Plan(
            [Demand("app", "web", 1)],
            [Node("n1", NodeStatus.Down), Node("n2")],
            [lost]);

        Assert.Equal([lost], plan.Stop);
        Assert.Equal([Instance("app", "web", 1, "n2")], plan.Place);
    }

    [Fact]
    public void Plan_InstanceOnUnknownNode_IsStoppedAndPlacedElsewhere()
    {
        var orphan = Instance("app", "web", 1, "removed");

        var plan = PlacementPlanner.Plan([Demand("app", "web", 1)], [Node("n1")], [orphan]);

        Assert.Equal([orphan], plan.Stop);
        Assert.Equal([Instance("app", "web", 1, "n1")], plan.Place);
    }

    [Fact]
    public void Plan_InstanceOnDrainingNode_IsKept()
    {
        var running = Instance("app", "web", 1, "n1");

        var plan = PlacementPlanner.Plan(
            [Demand("app", "web", 1)],
            [Node("n1", NodeStatus.Draining), Node("n2")],
            [running]);

        Assert.Equal([running], plan.Keep);
        Assert.Empty(plan.Place);
    }

    [Fact]
    public void Plan_MemoryRunsOut_PlacesWithinMemoryAndReportsTheRest()
    {
        var plan = PlacementPlanner.Plan(
            [Demand("app", "web", 5, memoryMb: 512)],
            [Node("n1", memoryMb: 1024), Node("n2", memoryMb: 600)],
            []);

        Assert.Equal(3, plan.Place.Count);
        Assert.Equal(new Dictionary<string, int> { ["n1"] = 2, ["n2"] = 1 }, CountPerNode(plan.Place, "app", "web"));
        Assert.Equal([4, 5], plan.Unplaced.Select(u => u.Index));
    }

    [Fact]
    public void Plan_KeptInstances_ReserveMemoryBeforeNewPlacements()
    {
        var plan = PlacementPlanner.Plan(
            [Demand("big", "web", 1, memoryMb: 800), Demand("new", "web", 1, memoryMb: 400)],
            [Node("n1", memoryMb: 1000)],
            [Instance("big", "web", 1, "n1", memoryMb: 800)]);

        Assert.Single(plan.Keep);
        Assert.Empty(plan.Place);
        Assert.Equal("new", Assert.Single(plan.Unplaced).App);
    }

    [Fact]
    public void Plan_MemoryExactlyFree_IsEnough()
    {
        var plan = PlacementPlanner.Plan([Demand("app", "web", 2, memoryMb: 512)], [Node("n1", memoryMb: 1024)], []);

        Assert.Equal(2, plan.Place.Count);
    }

    [Fact]
    public void Plan_Constraints_PlaceOnlyOnNodesWithEveryLabel()
    {
        var plan = PlacementPlanner.Plan(
            [Demand("app", "web", 4, constraints: [("zone", "eu"), ("disk", "ssd")])],
            [
                Node("a", labels: [("zone", "eu")]),
                Node("b", labels: [("zone", "eu"), ("disk", "ssd")]),
                Node("c", labels: [("zone", "us"), ("disk", "ssd")]),
                Node("d", labels: [("zone", "eu"), ("disk", "ssd"), ("gpu", "yes")]),
            ],
            []);

        Assert.Equal(new Dictionary<string, int> { ["b"] = 2, ["d"] = 2 }, CountPerNode(plan.Place, "app", "web"));
    }

    [Fact]
    public void Plan_KeptInstanceNoLongerMatchingConstraints_IsMoved()
    {
        var misplaced = Instance("app", "web", 1, "us-node");

        var plan = PlacementPlanner.Plan(
            [Demand("app", "web", 1, constraints: ("zone", "eu"))],
            [Node("eu-node", labels: ("zone", "eu")), Node("us-node", labels: ("zone", "us"))],
            [misplaced]);

        Assert.Equal([misplaced], plan.Stop);
        Assert.Equal([Instance("app", "web", 1, "eu-node")], plan.Place);
    }

    [Fact]
    public void Plan_OneType_SpreadsEvenlyAcrossNodes()
    {
        var plan = PlacementPlanner.Plan(
            [Demand("app", "web", 7)],
            [Node("n1"), Node("n2"), Node("n3")],
            []);

        Assert.Equal(
            new Dictionary<string, int> { ["n1"] = 3, ["n2"] = 2, ["n3"] = 2 },
            CountPerNode(plan.Place, "app", "web"));
    }

    [Fact]
    public void Plan_SecondType_PrefersNodesWithFewerInstancesInAll()
    {
        var plan = PlacementPlanner.Plan(
            [Demand("app", "web", 1), Demand("app", "worker", 1)],
            [Node("n1"), Node("n2")],
            []);

        Assert.Equal("n1", plan.Place.Single(i => i.Process == "web").Node);
        Assert.Equal("n2", plan.Place.Single(i => i.Process == "worker").Node);
    }

    [Fact]
    public void Plan_SpreadWithExistingInstances_FillsTheEmptiestNodeFirst()
    {
        var plan = PlacementPlanner.Plan(
            [Demand("app", "web", 4)],
            [Node("n1"), Node("n2"), Node("n3")],
            [Instance("app", "web", 1, "n1"), Instance("app", "web", 2, "n1")]);

        Assert.Equal(
            new Dictionary<string, int> { ["n1"] = 2, ["n2"] = 1, ["n3"] = 1 },
            CountPerNode(plan.Keep.Concat(plan.Place), "app", "web"));
    }

    [Fact]
    public void Plan_SpreadLimitedByMemory_PutsTheRestWhereMemoryIs()
    {
        // The literal "per-node counts differ by at most one" does not hold when memory binds:
        // the small node takes one and nothing is unplaced, yet the big node holds three.
        var plan = PlacementPlanner.Plan(
            [Demand("app", "web", 4, memoryMb: 100)],
            [Node("big", memoryMb: 1000), Node("small", memoryMb: 100)],
            []);

        Assert.Empty(plan.Unplaced);
        Assert.Equal(
            new Dictionary<string, int> { ["big"] = 3, ["small"] = 1 },
            CountPerNode(plan.Place, "app", "web"));
    }

    [Fact]
    public void Plan_ScaleThreeToFour_PlacesOneAndKeepsThreeUntouched()
    {
        PlacedInstance[] current =
        [
            Instance("app", "web", 1, "n1"),
            Instance("app", "web", 2, "n2"),
            Instance("app", "web", 3, "n3"),
        ];

        var plan = PlacementPlanner.Plan([Demand("app", "web", 4)], [Node("n1"), Node("n2"), Node("n3")], current);

        Assert.Equal(current, plan.Keep);
        Assert.Equal([Instance("app", "web", 4, "n1")], plan.Place);
        Assert.Empty(plan.Stop);
    }

    [Fact]
    public void Plan_ScaleDown_StopsTheHighestIndexes()
    {
        PlacedInstance[] current =
        [
            Instance("app", "web", 4, "n1"),
            Instance("app", "web", 1, "n1"),
            Instance("app", "web", 3, "n2"),
            Instance("app", "web", 2, "n2"),
        ];

        var plan = PlacementPlanner.Plan([Demand("app", "web", 2)], [Node("n1"), Node("n2")], current);

        Assert.Equal([1, 2], plan.Keep.Select(i => i.Index));
        Assert.Equal([3, 4], plan.Stop.Select(i => i.Index));
        Assert.Empty(plan.Place);
    }

    [Fact]
    public void Plan_NewRelease_StopsOldInstancesAndPlacesNewOnes()
    {
        PlacedInstance[] current =
        [
            Instance("app", "web", 1, "n1", release: 1),
            Instance("app", "web", 2, "n2", release: 1),
        ];

        var plan = PlacementPlanner.Plan([Demand("app", "web", 2, release: 2)], [Node("n1"), Node("n2")], current);

        Assert.Empty(plan.Keep);
        Assert.Equal(current, plan.Stop);
        Assert.Equal(
            [Instance("app", "web", 1, "n1", release: 2), Instance("app", "web", 2, "n2", release: 2)],
            plan.Place);
    }

    [Fact]
    public void Plan_NewReleaseForOneAppOnly_KeepsTheOtherApp()
    {
        var other = Instance("other", "web", 1, "n1", release: 1);

        var plan = PlacementPlanner.Plan(
            [Demand("app", "web", 1, release: 2), Demand("other", "web", 1, release: 1)],
            [Node("n1")],
            [Instance("app", "web", 1, "n1", release: 1), other]);

        Assert.Equal([other], plan.Keep);
        Assert.Equal(2, Assert.Single(plan.Place).Release);
    }

    [Fact]
    public void Plan_DuplicateOfOneInstance_KeepsOneAndStopsTheOther()
    {
        var first = Instance("app", "web", 1, "n1");
        var second = Instance("app", "web", 1, "n2");

        var plan = PlacementPlanner.Plan([Demand("app", "web", 1)], [Node("n1"), Node("n2")], [second, first]);

        Assert.Equal([first], plan.Keep);
        Assert.Equal([second], plan.Stop);
        Assert.Empty(plan.Place);
    }

    [Fact]
    public void Plan_ShuffledInput_GivesTheSamePlan()
    {
        ProcessDemand[] demands =
        [
            Demand("b", "worker", 3, memoryMb: 300),
            Demand("a", "web", 4, release: 2, memoryMb: 200),
            Demand("a", "clock", 1, constraints: ("zone", "eu")),
        ];
        NodeCapacity[] nodes =
        [
            Node("n3", memoryMb: 1000, labels: ("zone", "eu")),
            Node("n1", memoryMb: 700),
            Node("n2", NodeStatus.Draining),
            Node("n4", memoryMb: 2000),
        ];
        PlacedInstance[] current =
        [
            Instance("a", "web", 1, "n1", release: 1, memoryMb: 200),
            Instance("a", "web", 2, "n4", release: 2, memoryMb: 200),
            Instance("b", "worker", 5, "n3", memoryMb: 300),
            Instance("b", "worker", 1, "n2", memoryMb: 300),
        ];

        var expected = PlacementPlanner.Plan(demands, nodes, current);
        var actual = PlacementPlanner.Plan(
            demands.Reverse().ToList(),
            nodes.Reverse().ToList(),
            current.Reverse().ToList());

        Assert.Equal(expected.Keep, actual.Keep);
        Assert.Equal(expected.Place, actual.Place);
        Assert.Equal(expected.Stop, actual.Stop);
        Assert.Equal(expected.Unplaced, actual.Unplaced);
    }

    [Theory]
    [InlineData(NodeStatus.Down)]
    [InlineData(NodeStatus.Draining)]
    public void Plan_NoReadyNode_UnplacedSayingNoNodeIsReady(NodeStatus status)
    {
        var plan = PlacementPlanner.Plan([Demand("app", "web", 2)], [Node("n1", status)], []);

        Assert.Equal(
            [
                new UnplacedInstance("app", "web", 1, "no node is ready"),
                new UnplacedInstance("app", "web", 2, "no node is ready"),
            ],
            plan.Unplaced);
    }

    [Fact]
    public void Plan_NoNodes_UnplacedSayingNoNodeIsReady()
    {
        var plan = PlacementPlanner.Plan([Demand("app", "web", 1)], [], []);

        Assert.Equal("no node is ready", Assert.Single(plan.Unplaced).Reason);
    }

    [Fact]
    public void Plan_NoNodeWithTheLabels_UnplacedNamingTheLabels()
    {
        var plan = PlacementPlanner.Plan(
            [Demand("app", "web", 1, constraints: ("gpu", "yes"))],
            [Node("n1", labels: ("gpu", "no")), Node("n2", NodeStatus.Down, labels: ("gpu", "yes"))],
            []);

        var unplaced = Assert.Single(plan.Unplaced);
        Assert.Equal("no ready node has the labels gpu=yes", unplaced.Reason);
        Assert.Equal(("app", "web", 1), (unplaced.App, unplaced.Process, unplaced.Index));
    }

    [Fact]
    public void Plan_NotEnoughMemory_UnplacedNamingTheMemory()
    {
        var plan = PlacementPlanner.Plan(
            [Demand("app", "web", 1, memoryMb: 2048)],
            [Node("n1", memoryMb: 1024), Node("n2", memoryMb: 2047)],
            []);

        Assert.Equal("no ready node has 2048 MiB of memory free", Assert.Single(plan.Unplaced).Reason);
    }
}
