using Berth.Core.Placement;

namespace Berth.Core.Tests.Placement;

/// <summary>The reference planner's running totals: every choice scans every node.</summary>
internal sealed class ReferenceLedger
{
    private readonly List<NodeCapacity> nodes;
    private readonly Dictionary<string, NodeCapacity> byName;
    private readonly Dictionary<string, long> reservedMb = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> totals = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Node, string App, string Process), int> perProcess = [];

    public ReferenceLedger(IReadOnlyList<NodeCapacity> nodes)
    {
        this.nodes = nodes.OrderBy(n => n.Name, StringComparer.Ordinal).ToList();
        byName = this.nodes.ToDictionary(n => n.Name, StringComparer.Ordinal);
    }

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
