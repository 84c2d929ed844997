using CsCheck;

namespace Berth.Core.Tests.Placement;

/// <summary>
/// The indexed planner decides exactly what the first planner, which scans every node for
/// every instance, decides: the same keep, place, stop and unplaced lists in the same order.
/// </summary>
public sealed class PlacementPlannerReferenceTests
{
    private const int Iterations = 2_000;

    [Fact]
    public void Plan_RandomCluster_EqualsTheReferencePlanner()
    {
        ClusterGenerators.Any.Sample(AssertSameAsReference, iter: Iterations, print: c => c.ToString());
    }

    [Fact]
    public void Plan_LargerRandomCluster_EqualsTheReferencePlanner()
    {
        ClusterGenerators.Larger.Sample(AssertSameAsReference, iter: Iterations / 2, print: c => c.ToString());
    }

    [Fact]
    public void Plan_LargerClusterFromItsOwnResultWithOneChange_EqualsTheReferencePlanner()
    {
        ClusterGenerators.WithChange(ClusterGenerators.Larger).Sample(
            (cluster, change) =>
            {
                var settled = cluster.Plan();
                var changed = cluster with
                {
                    Demands = Changes.Replace(cluster.Demands, change),
                    Current = [.. settled.Keep, .. settled.Place],
                };

                AssertSameAsReference(changed);
            },
            iter: Iterations / 2,
            print: t => $"change {Changes.Show(t.Item2)}\n{t.Item1}");
    }

    private static void AssertSameAsReference(Cluster cluster)
    {
        var expected = ReferencePlanner.Plan(cluster.Demands, cluster.Nodes, cluster.Current);
        var actual = cluster.Plan();

        Assert.Equal(expected.Keep, actual.Keep);
        Assert.Equal(expected.Place, actual.Place);
        Assert.Equal(expected.Stop, actual.Stop);
        Assert.Equal(expected.Unplaced, actual.Unplaced);
    }
}
