using Berth.Core.Placement;

namespace Berth.Bench.Placement;

/// <summary>Per-node totals of a set of running instances, counted by brute force for checking.</summary>
internal sealed class ClusterTotals
{
    private readonly Dictionary<string, long> freeMb;
    private readonly Dictionary<string, int> totals = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Node, string App, string Process), int> ofType = [];

    /// <summary>Counts <paramref name="running"/> on <paramref name="nodes"/>.</summary>
    public ClusterTotals(IReadOnlyList<NodeCapacity> nodes, IEnumerable<PlacedInstance> running)
    {
        freeMb = nodes.ToDictionary(n => n.Name, n => n.MemoryMb, StringComparer.Ordinal);
        foreach (var instance in running)
        {
            Add(instance, 1);
        }
    }

    /// <summary>Memory not reserved on <paramref name="node"/>.</summary>
    public long FreeMb(NodeCapacity node) => freeMb[node.Name];

    /// <summary>Instances on <paramref name="node"/>.</summary>
    public int Total(string node) => totals.GetValueOrDefault(node);

    /// <summary>Instances of one process type on <paramref name="node"/>.</summary>
    public int OfType(string node, string app, string process) => ofType.GetValueOrDefault((node, app, process));

    /// <summary>Counts one more (<paramref name="sign"/> 1) or one fewer (-1) instance.</summary>
    public void Add(PlacedInstance instance, int sign)
    {
        if (freeMb.ContainsKey(instance.Node))
        {
            freeMb[instance.Node] -= sign * instance.MemoryMb;
        }

        totals[instance.Node] = totals.GetValueOrDefault(instance.Node) + sign;
        var key = (instance.Node, instance.App, instance.Process);
        ofType[key] = ofType.GetValueOrDefault(key) + sign;
    }
}
