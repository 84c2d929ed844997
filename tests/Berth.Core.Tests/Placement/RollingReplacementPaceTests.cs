using Berth.Core.Placement;
using static Berth.Core.Tests.Placement.Fixtures;

namespace Berth.Core.Tests.Placement;

public sealed class RollingReplacementPaceTests
{
    private static readonly NodeCapacity[] Nodes = [Node("a"), Node("b"), Node("c")];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Pace_NewRelease_StartsAtMostMaxParallelReplacements(int maxParallel)
    {
        var old = Enumerable.Range(1, 3).Select(i => Instance("app", "web", i, Nodes[i - 1].Name)).ToList();
        var plan = PlacementPlanner.Plan([Demand("app", "web", 3, release: 2)], Nodes, old);

        var paced = RollingReplacement.Pace(plan, i => i.Release == 1, (_, _) => maxParallel);

        Assert.Equal(maxParallel, paced.Place.Count);
        Assert.Equal(3, paced.Retained.Count);
    }

    [Fact]
    public void Pace_ReplacementStillStarting_StartsNoMore()
    {
        var old = Enumerable.Range(1, 3).Select(i => Instance("app", "web", i, Nodes[i - 1].Name)).ToList();
        var starting = Instance("app", "web", 1, "a", release: 2);
        var plan = PlacementPlanner.Plan([Demand("app", "web", 3, release: 2)], Nodes, [.. old, starting]);

        var paced = RollingReplacement.Pace(plan, i => i.Release == 1, (_, _) => 1);

        Assert.Empty(paced.Place);
        Assert.Equal(3, paced.Retained.Count);
    }

    [Fact]
    public void Pace_ReplacementRunning_StopsItsOldInstanceAndStartsTheNext()
    {
        var old = Enumerable.Range(1, 3).Select(i => Instance("app", "web", i, Nodes[i - 1].Name)).ToList();
        var running = Instance("app", "web", 1, "a", release: 2);
        var plan = PlacementPlanner.Plan([Demand("app", "web", 3, release: 2)], Nodes, [.. old, running]);

        var paced = RollingReplacement.Pace(plan, i => i.Release == 1 || i == running, (_, _) => 1);

        Assert.Equal([2], paced.Place.Select(i => i.Index));
        Assert.DoesNotContain(paced.Retained, i => i.Index == 1);
        Assert.Equal([2, 3], paced.Retained.Select(i => i.Index).Order());
    }

    [Fact]
    public void Pace_ScaleUp_IsNotPaced()
    {
        var plan = PlacementPlanner.Plan([Demand("app", "worker", 5)], Nodes, []);

        var paced = RollingReplacement.Pace(plan, _ => true, (_, _) => 1);

        Assert.Equal(5, paced.Place.Count);
        Assert.Empty(paced.Retained);
    }

    [Fact]
    public void Pace_ReplacementCannotBePlaced_OldInstanceKeepsRunning()
    {
        var old = Instance("app", "web", 1, "a");
        var plan = PlacementPlanner.Plan([Demand("app", "web", 1, memoryMb: 100_000)], Nodes, [old]);

        var paced = RollingReplacement.Pace(plan, _ => true, (_, _) => 1);

        Assert.Single(plan.Unplaced);
        Assert.Empty(paced.Place);
        Assert.Equal([old], paced.Retained);
    }

    [Fact]
    public void Pace_OldInstanceNotRunning_IsNotWaitedFor()
    {
        var old = Instance("app", "web", 1, "a");
        var plan = PlacementPlanner.Plan([Demand("app", "web", 1, release: 2)], Nodes, [old]);

        var paced = RollingReplacement.Pace(plan, i => i.Release == 2, (_, _) => 1);

        Assert.Single(paced.Place);
        Assert.Empty(paced.Retained);
    }
}
