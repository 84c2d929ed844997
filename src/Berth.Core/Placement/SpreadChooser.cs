namespace Berth.Core.Placement;

/// <summary>
/// Chooses the nodes for the missing instances of one demand, one at a time, as the rules
/// order them: among ready nodes with the labels and the memory, the fewest instances of the
/// type, then the fewest in all, then the first by name.
/// </summary>
/// <remarks>
/// Nodes without an instance of the type come first, in (instances in all, name) order; the
/// walk over the eligible tree yields them lazily, and only the chosen nodes change while it
/// runs. Once none is left, the nodes that already hold the type, a number bounded by the
/// type's instances, go into a heap keyed by the full order.
/// </remarks>
internal sealed class SpreadChooser
{
    private readonly NodeLedger ledger;
    private readonly ProcessDemand demand;
    private readonly Dictionary<int, int> counts;
    private readonly EligibleNodeTree eligible;
    private readonly PriorityQueue<int, long> frontier = new();
    private PriorityQueue<int, (int OfType, int Total, int Node)>? crowded;
    private int untouched;

    /// <summary>A chooser for <paramref name="demand"/>, whose per-node counts are <paramref name="counts"/>.</summary>
    public SpreadChooser(NodeLedger ledger, ProcessDemand demand, Dictionary<int, int> counts)
    {
        this.ledger = ledger;
        this.demand = demand;
        this.counts = counts;
        eligible = ledger.Eligible(demand.Constraints);

        untouched = eligible.Count - counts.Keys.Count(node => ledger.IsEligible(node, demand.Constraints));
        eligible.Begin(frontier, demand.MemoryMb);
    }

    /// <summary>Why <see cref="Next"/> found no node.</summary>
    public string Reason
    {
        get
        {
            if (ledger.ReadyCount == 0)
            {
                return "no node is ready";
            }

            if (eligible.Count == 0)
            {
                var labels = string.Join(", ", demand.Constraints.Select(c => $"{c.Key}={c.Value}"));
                return $"no ready node has the labels {labels}";
            }

            return $"no ready node has {demand.MemoryMb} MiB of memory free";
        }
    }

    /// <summary>The node for the next instance, or -1 when no node can take it.</summary>
    public int Next()
    {
        if (crowded is null)
        {
            while (untouched > 0 && eligible.TryNext(frontier, demand.MemoryMb, out var node))
            {
                if (!counts.ContainsKey(node))
                {
                    untouched--;
                    return node;
                }
            }

            crowded = Crowded();
        }

        return crowded.TryDequeue(out var best, out _) ? best : -1;
    }

    /// <summary>Tells the chooser an instance was reserved on <paramref name="node"/>, as chosen.</summary>
    public void Reserved(int node)
    {
        if (crowded is not null && ledger.FreeMb(node) >= demand.MemoryMb)
        {
            crowded.Enqueue(node, (counts[node], ledger.Total(node), node));
        }
    }

    private PriorityQueue<int, (int, int, int)> Crowded()
    {
        var heap = new PriorityQueue<int, (int, int, int)>();
        foreach (var (node, ofType) in counts)
        {
            if (ledger.IsEligible(node, demand.Constraints) && ledger.FreeMb(node) >= demand.MemoryMb)
            {
                heap.Enqueue(node, (ofType, ledger.Total(node), node));
            }
        }

        return heap;
    }
}
