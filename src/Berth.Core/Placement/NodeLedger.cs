namespace Berth.Core.Placement;

/// <summary>
/// Running totals per node while a plan is made: memory reserved, instances in all,
/// and instances of each process type.
/// </summary>
internal sealed class NodeLedger
{
    private readonly List<NodeCapacity> nodes;
    private readonly Dictionary<string, NodeCapacity> byName;
    private readonly Dictionary<string, long> reservedMb = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> totals = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Node, string App, string Process), int> perProcess = [];

    public NodeLedger(IReadOnlyList<NodeCapacity> nodes)
    {
        this.nodes = nodes.OrderBy(n => n.Name, StringComparer.Ordinal).ToList();
        byName = this.nodes.ToDictionary(n => n.Name, StringComparer.Ordinal);
    }

    /// <summary>True when an instance of <paramref name="demand"/> may stay on <paramref name="node"/>.</summary>
    public bool CanKeep(string node, ProcessDemand demand) =>
        byName.TryGetValue(node, out var capacity)
        && capacity.Status != NodeStatus.Down
        && MatchesConstraints(capacity, demand);

    public void Reserve(PlacedInstance instance)
    {
        reservedMb[instance.Node] = reservedMb.GetValueOrDefault(instance.Node) + instance.MemoryMb;
        totals[instance.Node] = totals.GetValueOrDefault(instance.Node) + 1;
        var key = (instance.Node, instance.App, instance.Process);
        perProcess[key] = perProcess.GetValueOrDefault(key) + 1;
    }

    /// <summary>
    /// The eligible node with the fewest instances of the process type, then the fewest
    /// instances in all, then the first by name; null with the reason when none fits.
    /// </summary>
    public string? Choose(ProcessDemand demand, out string reason)
    {
        NodeCapacity? best = null;
        (int OfType, int Total) bestScore = default;
        var ready = 0;
        var labelled = 0;

        foreach (var node in nodes)
        {
            if (node.Status != NodeStatus.Ready)
            {
                continue;
            }

            ready++;
            if (!MatchesConstraints(node, demand))
            {
                continue;
            }

            labelled++;
            if (node.MemoryMb - reservedMb.GetValueOrDefault(node.Name) < demand.MemoryMb)
            {
                continue;
            }

            var score = (perProcess.GetValueOrDefault((node.Name, demand.App, demand.Process)),
                totals.GetValueOrDefault(node.Name));
            if (best is null || score.CompareTo(bestScore) < 0)
            {
                best = node;
                bestScore = score;
            }
        }

        reason = best is not null ? string.Empty : Explain(demand, ready, labelled);
        return best?.Name;
    }

    private static string Explain(ProcessDemand demand, int ready, int labelled)
    {
        if (ready == 0)
        {
            return "no node is ready";
        }

        if (labelled == 0)
        {
            var labels = string.Join(", ", demand.Constraints.Select(c => $"{c.Key}={c.Value}"));
            return $"no ready node has the labels {labels}";
        }

        return $"no ready node has {demand.MemoryMb} MiB of memory free";
    }

    private static bool MatchesConstraints(NodeCapacity node, ProcessDemand demand) =>
        demand.Constraints.All(c => node.Labels.TryGetValue(c.Key, out var value) && value == c.Value);
}
