using Berth.Core.Placement;
using CsCheck;

namespace Berth.Core.Tests.Placement;

public sealed class PlacementPlannerPropertyTests
{
    private const int Iterations = 2_000;

    [Fact]
    public void Plan_RandomCluster_NeverPlacesOnANodeThatIsNotReady()
    {
        ClusterGenerators.Any.Sample(
            cluster =>
            {
                var nodes = cluster.Nodes.ToDictionary(n => n.Name);

                foreach (var placed in cluster.Plan().Place)
                {
                    Assert.True(nodes.TryGetValue(placed.Node, out var node), $"{placed.Name} on unknown node");
                    Assert.Equal(NodeStatus.Ready, node.Status);
                }
            },
            iter: Iterations,
            print: c => c.ToString());
    }

    [Fact]
    public void Plan_RandomCluster_NeverKeepsOnADownOrUnknownNode()
    {
        ClusterGenerators.Any.Sample(
            cluster =>
            {
                var nodes = cluster.Nodes.ToDictionary(n => n.Name);

                Assert.All(cluster.Plan().Keep, kept => Assert.NotEqual(NodeStatus.Down, nodes[kept.Node].Status));
            },
            iter: Iterations,
            print: c => c.ToString());
    }

    [Fact]
    public void Plan_RandomCluster_NewPlacementsNeverPutANodeOverMemory()
    {
        ClusterGenerators.Any.Sample(
            cluster =>
            {
                var plan = cluster.Plan();

                foreach (var node in cluster.Nodes.Where(n => plan.Place.Any(p => p.Node == n.Name)))
                {
                    var used = plan.Keep.Concat(plan.Place).Where(i => i.Node == node.Name).Sum(i => i.MemoryMb);
                    Assert.True(used <= node.MemoryMb, $"{node.Name}: {used} MiB reserved of {node.MemoryMb}");
                }
            },
            iter: Iterations,
            print: c => c.ToString());
    }

    [Fact]
    public void Plan_RandomCluster_KeptAndPlacedInstancesMeetTheirConstraints()
    {
        ClusterGenerators.Any.Sample(
            cluster =>
            {
                var plan = cluster.Plan();
                var nodes = cluster.Nodes.ToDictionary(n => n.Name);
                var demands = cluster.Demands.ToDictionary(d => (d.App, d.Process));

                foreach (var instance in plan.Keep.Concat(plan.Place))
                {
                    var labels = nodes[instance.Node].Labels;
                    foreach (var (key, value) in demands[(instance.App, instance.Process)].Constraints)
                    {
                        Assert.True(
                            labels.TryGetValue(key, out var actual) && actual == value,
                            $"{instance.Name} on {instance.Node} lacks {key}={value}");
                    }
                }
            },
            iter: Iterations,
            print: c => c.ToString());
    }

    [Fact]
    public void Plan_EmptyCurrentWithoutMemoryLimit_SpreadsEachTypeWithinOne()
    {
        ClusterGenerators.WithoutMemoryDemand.Select(c => c.Empty()).Sample(
            cluster =>
            {
                var plan = cluster.Plan();
                if (plan.Unplaced.Count > 0)
                {
                    return;
                }

                foreach (var demand in cluster.Demands)
                {
                    var counts = Eligible(cluster, demand)
                        .Select(n => plan.Place.Count(p => p.Node == n.Name && SameType(p, demand)))
                        .ToList();
                    if (counts.Count > 0)
                    {
                        Assert.True(counts.Max() - counts.Min() <= 1, $"{demand.App}.{demand.Process}: {Show(counts)}");
                    }
                }
            },
            iter: Iterations,
            print: c => c.ToString());
    }

    [Fact]
    public void Plan_EmptyCurrent_NodeWithTwoFewerOfATypeHasNoMemoryForAnother()
    {
        // With memory limits, counts may differ by more than one, but only because the node
        // with fewer instances cannot take another one.
        ClusterGenerators.Any.Select(c => c.Empty()).Sample(
            cluster =>
            {
                var plan = cluster.Plan();

                foreach (var demand in cluster.Demands)
                {
                    var eligible = Eligible(cluster, demand).ToList();
                    var counts = eligible.ToDictionary(
                        n => n.Name,
                        n => plan.Place.Count(p => p.Node == n.Name && SameType(p, demand)));
                    if (counts.Count == 0)
                    {
                        continue;
                    }

                    var most = counts.Values.Max();
                    foreach (var node in eligible.Where(n => counts[n.Name] <= most - 2))
                    {
                        var free = node.MemoryMb - plan.Place.Where(p => p.Node == node.Name).Sum(p => p.MemoryMb);
                        Assert.True(
                            free < demand.MemoryMb,
                            $"{demand.App}.{demand.Process}: {node.Name} holds {counts[node.Name]}, another holds "
                            + $"{most}, yet {free} MiB are free for {demand.MemoryMb} MiB");
                    }
                }
            },
            iter: Iterations,
            print: c => c.ToString());
    }

    [Fact]
    public void Plan_RandomCluster_EveryDesiredSlotIsExactlyOneOfKeepPlaceUnplaced()
    {
        ClusterGenerators.Any.Sample(
            cluster =>
            {
                var plan = cluster.Plan();
                var slots = cluster.Demands
                    .SelectMany(d => Enumerable.Range(1, Math.Max(d.Count, 0)).Select(i => (d.App, d.Process, i)))
                    .OrderBy(s => s)
                    .ToList();
                var covered = plan.Keep.Concat(plan.Place)
                    .Select(i => (i.App, i.Process, i.Index))
                    .Concat(plan.Unplaced.Select(u => (u.App, u.Process, u.Index)))
                    .OrderBy(s => s)
                    .ToList();

                Assert.Equal(slots, covered);
            },
            iter: Iterations,
            print: c => c.ToString());
    }

    [Fact]
    public void Plan_RandomCluster_KeptAndPlacedRunTheDemandedRelease()
    {
        ClusterGenerators.Any.Sample(
            cluster =>
            {
                var plan = cluster.Plan();
                var releases = cluster.Demands.ToDictionary(d => (d.App, d.Process), d => d.Release);

                Assert.All(
                    plan.Keep.Concat(plan.Place),
                    i => Assert.Equal(releases[(i.App, i.Process)], i.Release));
            },
            iter: Iterations,
            print: c => c.ToString());
    }

    [Fact]
    public void Plan_RandomCluster_KeepAndStopPartitionCurrent()
    {
        ClusterGenerators.Any.Sample(
            cluster =>
            {
                var plan = cluster.Plan();

                Assert.Equal(Sorted(cluster.Current), Sorted(plan.Keep.Concat(plan.Stop)));
                Assert.Empty(plan.Keep.Intersect(plan.Stop));
            },
            iter: Iterations,
            print: c => c.ToString());
    }

    [Fact]
    public void Plan_RandomCluster_IsDeterministicForAnyInputOrder()
    {
        Gen.Select(ClusterGenerators.Any, Gen.Int).Sample(
            (cluster, seed) =>
            {
                var first = cluster.Plan();
                var again = cluster.Plan();
                var shuffled = cluster.Shuffled(seed).Plan();

                AssertSamePlan(first, again);
                AssertSamePlan(first, shuffled);
            },
            iter: Iterations,
            print: t => $"seed {t.Item2}\n{t.Item1}");
    }

    [Fact]
    public void Plan_OnItsOwnResult_KeepsEverythingAndPlacesNothingNew()
    {
        ClusterGenerators.Any.Sample(
            cluster =>
            {
                var first = cluster.Plan();
                var next = (cluster with { Current = [.. first.Keep, .. first.Place] }).Plan();

                Assert.Empty(next.Place);
                Assert.Empty(next.Stop);
                Assert.Equal(Sorted(first.Keep.Concat(first.Place)), Sorted(next.Keep));
                Assert.Equal(first.Unplaced, next.Unplaced);
            },
            iter: Iterations,
            print: c => c.ToString());
    }

    private static IEnumerable<NodeCapacity> Eligible(Cluster cluster, ProcessDemand demand) =>
        cluster.Nodes.Where(n =>
            n.Status == NodeStatus.Ready
            && demand.Constraints.All(c => n.Labels.TryGetValue(c.Key, out var v) && v == c.Value));

    private static bool SameType(PlacedInstance instance, ProcessDemand demand) =>
        instance.App == demand.App && instance.Process == demand.Process;

    private static List<PlacedInstance> Sorted(IEnumerable<PlacedInstance> instances) =>
        instances
            .OrderBy(i => (i.App, i.Process, i.Index, i.Release, i.Node, i.MemoryMb))
            .ToList();

    private static string Show(IEnumerable<int> counts) => string.Join(",", counts);

    private static void AssertSamePlan(PlacementPlan expected, PlacementPlan actual)
    {
        Assert.Equal(expected.Keep, actual.Keep);
        Assert.Equal(expected.Place, actual.Place);
        Assert.Equal(expected.Stop, actual.Stop);
        Assert.Equal(expected.Unplaced, actual.Unplaced);
    }
}
