using System.Globalization;
using System.Text;
using Berth.Core.Placement;

namespace Berth.Core.Tests.Placement;

/// <summary>One input to the planner, printed readably when a property fails.</summary>
public sealed record Cluster(
    IReadOnlyList<NodeCapacity> Nodes,
    IReadOnlyList<ProcessDemand> Demands,
    IReadOnlyList<PlacedInstance> Current)
{
    /// <summary>The plan for this cluster.</summary>
    public PlacementPlan Plan() => PlacementPlanner.Plan(Demands, Nodes, Current);

    /// <summary>The same cluster with an empty current state.</summary>
    public Cluster Empty() => this with { Current = [] };

    /// <summary>The same cluster with every list in an order drawn from <paramref name="seed"/>.</summary>
    public Cluster Shuffled(int seed)
    {
        var random = new Random(seed);

        return new Cluster(Shuffle(Nodes, random), Shuffle(Demands, random), Shuffle(Current, random));
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine("nodes:");
        foreach (var n in Nodes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {n.Name} {n.Status} {n.MemoryMb}MiB {Labels(n.Labels)}");
        }

        text.AppendLine("demands:");
        foreach (var d in Demands)
        {
            text.AppendLine(
                CultureInfo.InvariantCulture,
                $"  {d.App}.{d.Process} x{d.Count} v{d.Release} {d.MemoryMb}MiB {Labels(d.Constraints)}");
        }

        text.AppendLine("current:");
        foreach (var i in Current)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {i.Name} v{i.Release} on {i.Node} {i.MemoryMb}MiB");
        }

        return text.ToString();
    }

    private static string Labels(IReadOnlyDictionary<string, string> labels) =>
        "{" + string.Join(",", labels.Select(l => $"{l.Key}={l.Value}")) + "}";

    private static List<T> Shuffle<T>(IEnumerable<T> items, Random random)
    {
        var list = items.ToList();
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list));
        return list;
    }
}
