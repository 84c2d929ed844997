using Berth.Core.Placement;
using CsCheck;

namespace Berth.Core.Tests.Placement;

/// <summary>
/// Random clusters: 1-20 nodes of random status, memory and labels; 1-5 apps of 1-3 process
/// types with random counts, releases, memory and constraints; random current instances,
/// some of apps, types, releases or nodes that no longer exist.
/// </summary>
internal static class ClusterGenerators
{
    private static readonly string[] LabelKeys = ["zone", "disk", "gpu"];
    private static readonly string[] LabelValues = ["a", "b"];
    private static readonly string[] ProcessNames = ["web", "worker", "clock"];

    /// <summary>Labels of a node: each key absent or one of the values.</summary>
    private static readonly Gen<IReadOnlyDictionary<string, string>> NodeLabels =
        Gen.Int[0, LabelValues.Length].Array[LabelKeys.Length].Select(ToLabels);

    /// <summary>Constraints of a demand: mostly none, sometimes one or two labels.</summary>
    private static readonly Gen<IReadOnlyDictionary<string, string>> Constraints =
        Gen.Int[0, 3 * LabelValues.Length].Array[LabelKeys.Length].Select(ToLabels);

    private static readonly Gen<NodeStatus> Status =
        Gen.Int[0, 9].Select(n => n switch
        {
            < 6 => NodeStatus.Ready,
            < 8 => NodeStatus.Draining,
            _ => NodeStatus.Down,
        });

    /// <summary>Any cluster, with a random current state.</summary>
    public static readonly Gen<Cluster> Any = Clusters(maxNodes: 20, maxApps: 5, maxCount: 8, maxCurrent: 20);

    /// <summary>
    /// Larger clusters: up to 64 nodes and types of up to 40 instances, so that types outgrow
    /// their eligible nodes and the planner's node trees are several levels deep.
    /// </summary>
    public static readonly Gen<Cluster> Larger = Clusters(maxNodes: 64, maxApps: 8, maxCount: 40, maxCurrent: 120);

    /// <summary>A cluster whose demands reserve no memory, so memory never limits spreading.</summary>
    public static readonly Gen<Cluster> WithoutMemoryDemand =
        Any.Select(c => c with { Demands = c.Demands.Select(d => d with { MemoryMb = 0 }).ToList() });

    /// <summary>
    /// A cluster and one changed demand: a type of it rescaled, given a new release, memory or
    /// constraints, or a new app's type.
    /// </summary>
    public static Gen<(Cluster Cluster, ProcessDemand Change)> WithChange(Gen<Cluster> clusters) =>
        clusters.SelectMany(cluster =>
            Gen.Select(Gen.Int[0, cluster.Demands.Count], Gen.Int[0, 12], Gen.Int[0, 3], Gen.Int[0, 4], Constraints)
                .Select((pick, count, kind, memory, labels) =>
                    (cluster, Change(cluster, pick, count, kind, memory * 128L, labels))));

    private static ProcessDemand Change(
        Cluster cluster,
        int pick,
        int count,
        int kind,
        long memoryMb,
        IReadOnlyDictionary<string, string> labels)
    {
        if (pick == cluster.Demands.Count)
        {
            return new ProcessDemand("new-app", "web", count, 1, memoryMb, labels);
        }

        var demand = cluster.Demands[pick] with { Count = count };
        return kind switch
        {
            1 => demand with { Release = demand.Release + 1 },
            2 => demand with { MemoryMb = memoryMb },
            3 => demand with { Constraints = labels },
            _ => demand,
        };
    }

    private static Gen<Cluster> Clusters(int maxNodes, int maxApps, int maxCount, int maxCurrent) =>
        Gen.Select(Nodes(maxNodes), Demands(maxApps, maxCount)).SelectMany((nodes, demands) =>
            CurrentFor(nodes, demands, maxCurrent).Select(current => new Cluster(nodes, demands, current)));

    private static Gen<NodeCapacity[]> Nodes(int max) =>
        Gen.Select(Status, Gen.Int[0, 16], NodeLabels)
            .Array[1, max]
            .Select(specs => specs
                .Select((s, i) => new NodeCapacity($"node-{i:D2}", s.Item1, s.Item2 * 256L, s.Item3))
                .ToArray());

    private static Gen<(int Count, int Release, long MemoryMb, IReadOnlyDictionary<string, string> Labels)>
        ProcessSpec(int maxCount) => Gen.Select(Gen.Int[0, maxCount], Gen.Int[1, 3], Gen.Int[0, 4], Constraints)
            .Select(s => (s.Item1, s.Item2, s.Item3 * 128L, s.Item4));

    private static Gen<ProcessDemand[]> Demands(int maxApps, int maxCount) =>
        Gen.Select(Gen.Int[1, ProcessNames.Length], ProcessSpec(maxCount).Array[ProcessNames.Length])
            .Array[1, maxApps]
            .Select(apps => apps
                .SelectMany((app, a) => app.Item2
                    .Take(app.Item1)
                    .Select((p, t) => new ProcessDemand(
                        $"app{a}", ProcessNames[t], p.Count, p.Release, p.MemoryMb, p.Labels)))
                .ToArray());

    private static Gen<PlacedInstance[]> CurrentFor(NodeCapacity[] nodes, ProcessDemand[] demands, int max)
    {
        var apps = demands.Select(d => d.App).Distinct().Append("gone").ToArray();
        var nodeNames = nodes.Select(n => n.Name).Append("removed").ToArray();

        return Gen.Select(
                Gen.Int[0, apps.Length - 1],
                Gen.Int[0, ProcessNames.Length - 1],
                Gen.Int[1, 10],
                Gen.Int[1, 3],
                Gen.Int[0, nodeNames.Length - 1],
                Gen.Int[0, 4])
            .Select((app, process, index, release, node, memory) => new PlacedInstance(
                apps[app], ProcessNames[process], index, release, nodeNames[node], memory * 128L))
            .Array[0, max]
            .Select(instances => instances
                .DistinctBy(i => (i.App, i.Process, i.Index, i.Release, i.Node))
                .ToArray());
    }

    private static IReadOnlyDictionary<string, string> ToLabels(int[] picks) =>
        picks
            .Select((pick, key) => (pick, key))
            .Where(p => p.pick > 0 && p.pick <= LabelValues.Length)
            .ToDictionary(p => LabelKeys[p.key], p => LabelValues[p.pick - 1]);
}
