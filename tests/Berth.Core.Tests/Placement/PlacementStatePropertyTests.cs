using Berth.Core.Placement;
using CsCheck;

namespace Berth.Core.Tests.Placement;

/// <summary>
/// Planning one changed demand against a <see cref="PlacementState"/> built from a placed
/// cluster decides what the full planner decides for that process type, touches nothing
/// else, keeps every rule, and leaves the state as it was until the plan is applied.
/// </summary>
public sealed class PlacementStatePropertyTests
{
    private const int Iterations = 1_500;

    private static readonly Gen<(Cluster Cluster, ProcessDemand Change)> AnyChange =
        Gen.OneOf(
            ClusterGenerators.WithChange(ClusterGenerators.Any),
            ClusterGenerators.WithChange(ClusterGenerators.Larger));

    [Fact]
    public void Plan_OneChangedDemand_StopsAndKeepsWhatTheFullPlanDoes()
    {
        AnyChange.Sample(
            (cluster, change) =>
            {
                var (settled, full) = FullPlanAfterChange(cluster, change);

                var plan = new PlacementState(cluster.Nodes, settled).Plan([change]);

                Assert.Equal(full.Stop, plan.Stop);
                Assert.Equal(full.Keep.Where(i => Changes.IsOf(i.App, i.Process, change)), plan.Keep);
            },
            iter: Iterations,
            print: Show);
    }

    [Fact]
    public void Plan_OneChangedDemand_PlacesWhatTheFullPlanPlacesWhenItPlacesNothingElse()
    {
        // The full plan also retries other types' unplaced instances; when memory the change
        // frees lets one of those fit, the two plans rightly differ, and only then.
        AnyChange.Sample(
            (cluster, change) =>
            {
                var (settled, full) = FullPlanAfterChange(cluster, change);
                if (!full.Place.All(i => Changes.IsOf(i.App, i.Process, change)))
                {
                    return;
                }

                var plan = new PlacementState(cluster.Nodes, settled).Plan([change]);

                Assert.Equal(full.Place, plan.Place);
                Assert.Equal(full.Unplaced.Where(u => Changes.IsOf(u.App, u.Process, change)), plan.Unplaced);
            },
            iter: Iterations,
            print: Show);
    }

    [Fact]
    public void Plan_OneChangedDemand_TouchesOnlyItsTypeAndKeepsTheRules()
    {
        AnyChange.Sample(
            (cluster, change) =>
            {
                var settled = Settled(cluster);

                var plan = new PlacementState(cluster.Nodes, settled).Plan([change]);

                AssertOnlyChangedType(plan, change);
                AssertRules(cluster.Nodes, settled, plan, change);
                Assert.Equal(
                    Sorted(settled.Where(i => Changes.IsOf(i.App, i.Process, change))),
                    Sorted(plan.Keep.Concat(plan.Stop)));
            },
            iter: Iterations,
            print: Show);
    }

    [Fact]
    public void Plan_CalledTwice_SamePlanAndTheStateBehavesAsIfFresh()
    {
        Gen.Select(AnyChange, ClusterGenerators.WithChange(ClusterGenerators.Any)).Sample(
            (first, second) =>
            {
                var (cluster, change) = first;
                var settled = Settled(cluster);
                var state = new PlacementState(cluster.Nodes, settled);

                AssertSamePlan(state.Plan([change]), state.Plan([change]));
                Assert.Equal(Sorted(settled), state.Instances());

                var other = second.Change with { App = change.App };
                AssertSamePlan(new PlacementState(cluster.Nodes, settled).Plan([other]), state.Plan([other]));
            },
            iter: Iterations,
            print: t => $"{Show(t.Item1)}\nthen {Changes.Show(t.Item2.Change)}");
    }

    [Fact]
    public void Apply_ChangesOneAfterAnother_EachPlanStopsAndKeepsAsTheFullPlanAndTheStateFollows()
    {
        Gen.Select(AnyChange, Gen.Int[0, 12], Gen.Int[0, 12]).Sample(
            (sample, secondCount, thirdCount) =>
            {
                var (cluster, change) = sample;
                var demands = cluster.Demands.ToList();
                var running = Settled(cluster);
                var state = new PlacementState(cluster.Nodes, running);

                ProcessDemand[] steps =
                    [change, change with { Count = secondCount }, change with { Count = thirdCount }];
                foreach (var next in steps)
                {
                    demands = Changes.Replace(demands, next);
                    var full = PlacementPlanner.Plan(demands, cluster.Nodes, running);

                    var plan = state.Plan([next]);
                    state.Apply(plan);

                    Assert.Equal(full.Stop, plan.Stop);
                    Assert.Equal(full.Keep.Where(i => Changes.IsOf(i.App, i.Process, next)), plan.Keep);
                    running = [.. running.Except(plan.Stop), .. plan.Place];
                    Assert.Equal(Sorted(running), state.Instances());
                    Assert.Equal(running.Count, state.Count);
                }
            },
            iter: Iterations / 2,
            print: t => $"then x{t.Item2}, x{t.Item3}\n{Show(t.Item1)}");
    }

    /// <summary>The cluster after its own plan: what the plan keeps and places.</summary>
    private static List<PlacedInstance> Settled(Cluster cluster)
    {
        var plan = cluster.Plan();
        return [.. plan.Keep, .. plan.Place];
    }

    private static (List<PlacedInstance> Settled, PlacementPlan Full) FullPlanAfterChange(
        Cluster cluster,
        ProcessDemand change)
    {
        var settled = Settled(cluster);
        var full = PlacementPlanner.Plan(Changes.Replace(cluster.Demands, change), cluster.Nodes, settled);
        return (settled, full);
    }

    private static void AssertOnlyChangedType(PlacementPlan plan, ProcessDemand change)
    {
        Assert.All(
            plan.Keep.Concat(plan.Place).Concat(plan.Stop),
            i => Assert.True(Changes.IsOf(i.App, i.Process, change)));
        Assert.All(plan.Unplaced, u => Assert.True(Changes.IsOf(u.App, u.Process, change)));
        Assert.Equal(
            Enumerable.Range(1, Math.Max(change.Count, 0)),
            plan.Keep.Concat(plan.Place).Select(i => i.Index).Concat(plan.Unplaced.Select(u => u.Index)).Order());
    }

    private static void AssertRules(
        IReadOnlyList<NodeCapacity> nodes,
        List<PlacedInstance> settled,
        PlacementPlan plan,
        ProcessDemand change)
    {
        var byName = nodes.ToDictionary(n => n.Name);
        var after = settled.Except(plan.Stop).Concat(plan.Place).ToList();

        foreach (var placed in plan.Place)
        {
            var node = byName[placed.Node];
            Assert.Equal(NodeStatus.Ready, node.Status);
            Assert.All(change.Constraints, c => Assert.True(node.Labels.TryGetValue(c.Key, out var v) && v == c.Value));
            Assert.Equal((change.Release, change.MemoryMb), (placed.Release, placed.MemoryMb));

            var used = after.Where(i => i.Node == node.Name).Sum(i => i.MemoryMb);
            Assert.True(used <= node.MemoryMb, $"{node.Name}: {used} MiB reserved of {node.MemoryMb}");
        }

        Assert.All(plan.Keep, kept => Assert.NotEqual(NodeStatus.Down, byName[kept.Node].Status));
    }

    private static void AssertSamePlan(PlacementPlan expected, PlacementPlan actual)
    {
        Assert.Equal(expected.Keep, actual.Keep);
        Assert.Equal(expected.Place, actual.Place);
        Assert.Equal(expected.Stop, actual.Stop);
        Assert.Equal(expected.Unplaced, actual.Unplaced);
    }

    private static List<PlacedInstance> Sorted(IEnumerable<PlacedInstance> instances) =>
        instances.OrderBy(i => i, ReferenceInstanceOrder.Instance).ToList();

    private static string Show((Cluster Cluster, ProcessDemand Change) sample) =>
        $"change {Changes.Show(sample.Change)}\n{sample.Cluster}";
}
