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

    private static readonly Gen<NodeCapacity[]> Nodes =
        Gen.Select(Status, Gen.Int[0, 16], NodeLabels)
            .Array[1, 20]
            .Select(specs => specs
                .Select((s, i) => new NodeCapacity($"node-{i:D2}", s.Item1, s.Item2 * 256L, s.Item3))
                .ToArray());

    private static readonly Gen<(int Count, int Release, long MemoryMb, IReadOnlyDictionary<string, string> Labels)>
        ProcessSpec = Gen.Select(Gen.Int[0, 8], Gen.Int[1, 3], Gen.Int[0, 4], Constraints)
            .Select(s => (s.Item1, s.Item2, s.Item3 * 128L, s.Item4));

    private static readonly Gen<ProcessDemand[]> Demands =
        Gen.Select(Gen.Int[1, ProcessNames.Length], ProcessSpec.Array[ProcessNames.Length])
            .Array[1, 5]
            .Select(apps => apps
                .SelectMany((app, a) => app.Item2
                    .Take(app.Item1)
                    .Select((p, t) => new ProcessDemand(
                        $"app{a}", ProcessNames[t], p.Count, p.Release, p.MemoryMb, p.Labels)))
                .ToArray());

    /// <summary>Any cluster, with a random current state.</summary>
    public static readonly Gen<Cluster> Any =
        Gen.Select(Nodes, Demands).SelectMany((nodes, demands) =>
            CurrentFor(nodes, demands).Select(current => new Cluster(nodes, demands, current)));

    /// <summary>A cluster whose demands reserve no memory, so memory never limits spreading.</summary>
    public static readonly Gen<Cluster> WithoutMemoryDemand =
        Any.Select(c => c with { Demands = c.Demands.Select(d => d with { MemoryMb = 0 }).ToList() });

    private static Gen<PlacedInstance[]> CurrentFor(NodeCapacity[] nodes, ProcessDemand[] demands)
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
            .Array[0, 20]
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
