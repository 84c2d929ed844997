using Berth.Core.Placement;
using static Berth.Core.Tests.Placement.Fixtures;

namespace Berth.Core.Tests.Placement;

public sealed class RollingReplacementStopOldFirstTests
{
    private static readonly NodeCapacity[] Nodes = [Node("a"), Node("b"), Node("c")];

    private static readonly List<PlacedInstance> OldWeb =
        Enumerable.Range(1, 3).Select(i => Instance("app", "web", i, Nodes[i - 1].Name)).ToList();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Pace_StopsOldFirst_StopsMaxParallelOldInstancesAndStartsNothing(int maxParallel)
    {
        var plan = PlacementPlanner.Plan([Demand("app", "web", 3, release: 2)], Nodes, OldWeb);

        var paced = RollingReplacement.Pace(plan, i => i.Release == 1, (_, _) => maxParallel, (_, _) => true);

        Assert.Empty(paced.Place);
        Assert.Equal(Enumerable.Range(maxParallel + 1, 3 - maxParallel), paced.Retained.Select(i => i.Index).Order());
    }

    [Fact]
    public void Pace_StopsOldFirst_StartsTheReplacementOnceTheOldInstanceStopped()
    {
        var current = OldWeb.Skip(1).ToList();
        var plan = PlacementPlanner.Plan([Demand("app", "web", 3, release: 2)], Nodes, current);

        var paced = RollingReplacement.Pace(plan, i => i.Release == 1, (_, _) => 1, (_, _) => true);

        Assert.Equal([(1, 2)], paced.Place.Select(i => (i.Index, i.Release)));
        Assert.Equal([2, 3], paced.Retained.Select(i => i.Index).Order());
    }

    [Fact]
    public void Pace_StopsOldFirstReplacementStillStarting_StopsNoMore()
    {
        var starting = Instance("app", "web", 1, "a", release: 2);
        var plan = PlacementPlanner.Plan([Demand("app", "web", 3, release: 2)], Nodes, [starting, .. OldWeb.Skip(1)]);

        var paced = RollingReplacement.Pace(plan, i => i.Release == 1, (_, _) => 1, (_, _) => true);

        Assert.Empty(paced.Place);
        Assert.Equal([2, 3], paced.Retained.Select(i => i.Index).Order());
    }

    [Fact]
    public void Pace_StopsOldFirstReplacementRunning_StopsTheNextOldInstance()
    {
        var running = Instance("app", "web", 1, "a", release: 2);
        var plan = PlacementPlanner.Plan([Demand("app", "web", 3, release: 2)], Nodes, [running, .. OldWeb.Skip(1)]);

        var paced = RollingReplacement.Pace(plan, _ => true, (_, _) => 1, (_, _) => true);

        Assert.Empty(paced.Place);
        Assert.Equal([3], paced.Retained.Select(i => i.Index));
    }

    [Fact]
    public void Pace_StopsOldFirstForOneType_OtherTypesStillOverlap()
    {
        var worker = Instance("app", "worker", 1, "a");
        var plan = PlacementPlanner.Plan(
            [Demand("app", "web", 3, release: 2), Demand("app", "worker", 1, release: 2)],
            Nodes,
            [.. OldWeb, worker]);

        var paced = RollingReplacement.Pace(plan, i => i.Release == 1, (_, _) => 1, (_, p) => p == "web");

        Assert.Equal([("worker", 1)], paced.Place.Select(i => (i.Process, i.Index)));
        Assert.Contains(worker, paced.Retained);
        Assert.DoesNotContain(paced.Retained, i => i.Process == "web" && i.Index == 1);
    }

    [Fact]
    public void Pace_StopsOldFirstScaleUp_StartsAtOnce()
    {
        var plan = PlacementPlanner.Plan([Demand("app", "web", 3)], Nodes, []);

        var paced = RollingReplacement.Pace(plan, _ => true, (_, _) => 1, (_, _) => true);

        Assert.Equal(3, paced.Place.Count);
        Assert.Empty(paced.Retained);
    }

    [Fact]
    public void Pace_StopsOldFirstReplacementCannotBePlaced_OldInstanceKeepsRunning()
    {
        var old = Instance("app", "web", 1, "a");
        var plan = PlacementPlanner.Plan([Demand("app", "web", 1, release: 2, memoryMb: 100_000)], Nodes, [old]);

        var paced = RollingReplacement.Pace(plan, _ => true, (_, _) => 1, (_, _) => true);

        Assert.Empty(paced.Place);
        Assert.Equal([old], paced.Retained);
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 3)]
    [InlineData(2, 5)]
    [InlineData(5, 4)]
    public void Pace_StopsOldFirstRollout_NeverOverlapsAndKeepsAtMostMaxParallelDown(int maxParallel, int count)
    {
        var current = Enumerable.Range(1, count).Select(i => Instance("app", "web", i, Nodes[i % 3].Name)).ToList();

        var passes = Rollout(current, count, maxParallel, stopsOldFirst: true, out var final);

        Assert.Equal(count, final.Count);
        Assert.All(final, i => Assert.Equal(2, i.Release));
        foreach (var (desired, running) in passes)
        {
            Assert.All(desired.GroupBy(i => i.Index), slot => Assert.Single(slot));
            var down = count - running.Select(i => i.Index).Distinct().Count();
            Assert.True(down <= maxParallel, $"{down} instances down at once");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Pace_OverlappingRollout_NeverLeavesAnIndexDown(int maxParallel)
    {
        var passes = Rollout(OldWeb, 3, maxParallel, stopsOldFirst: false, out var final);

        Assert.All(final, i => Assert.Equal(2, i.Release));
        Assert.All(passes, pass => Assert.Equal(3, pass.Running.Select(i => i.Index).Distinct().Count()));
    }

    /// <summary>
    /// Runs reconcile passes of a rollout to release 2 until nothing changes. The agent stops instances at
    /// once, and a new instance runs from the pass after the one that placed it. Returns, for each pass,
    /// what it asked for and what runs after the agent acted.
    /// </summary>
    private static List<(List<PlacedInstance> Desired, HashSet<PlacedInstance> Running)> Rollout(
        List<PlacedInstance> current,
        int count,
        int maxParallel,
        bool stopsOldFirst,
        out List<PlacedInstance> final)
    {
        var passes = new List<(List<PlacedInstance>, HashSet<PlacedInstance>)>();
        var running = current.ToHashSet();
        var starting = new HashSet<PlacedInstance>();
        for (var pass = 0; pass < 8 * count + 8; pass++)
        {
            var plan = PlacementPlanner.Plan([Demand("app", "web", count, release: 2)], Nodes, current);
            var paced = RollingReplacement.Pace(plan, running.Contains, (_, _) => maxParallel, (_, _) => stopsOldFirst);
            var desired = plan.Keep.Concat(paced.Place).Concat(paced.Retained).ToList();

            var settled = desired.ToHashSet().SetEquals(current) && desired.All(running.Contains);
            var started = starting.Where(desired.Contains).ToList();
            starting = desired.Where(i => !running.Contains(i) && !starting.Contains(i)).ToHashSet();
            running = running.Where(desired.Contains).Concat(started).ToHashSet();
            passes.Add((desired, running));
            if (settled)
            {
                break;
            }

            current = desired;
        }

        final = current;
        return passes;
    }
}
