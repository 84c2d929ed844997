namespace Berth.Core.Placement;

/// <summary>
/// The ready nodes by label, so that the nodes matching a set of constraints are found from
/// the rarest label asked for instead of from every node.
/// </summary>
internal sealed class LabelIndex
{
    private readonly IReadOnlyList<NodeCapacity> nodes;
    private readonly int[] ready;
    private readonly Dictionary<(string Key, string Value), List<int>> byLabel = [];

    /// <summary>Indexes the ready ones of <paramref name="nodes"/>; positions in the list are node indexes.</summary>
    public LabelIndex(IReadOnlyList<NodeCapacity> nodes)
    {
        this.nodes = nodes;
        var readyNodes = new List<int>();

        for (var index = 0; index < nodes.Count; index++)
        {
            if (nodes[index].Status != NodeStatus.Ready)
            {
                continue;
            }

            readyNodes.Add(index);
            foreach (var (key, value) in nodes[index].Labels)
            {
                Nodes(key, value).Add(index);
            }
        }

        ready = [.. readyNodes];
    }

    /// <summary>How many nodes are ready.</summary>
    public int ReadyCount => ready.Length;

    /// <summary>The ready nodes carrying every one of <paramref name="constraints"/>, in index order.</summary>
    public int[] Matching(IReadOnlyDictionary<string, string> constraints)
    {
        if (constraints.Count == 0)
        {
            return ready;
        }

        List<int>? rarest = null;
        foreach (var (key, value) in constraints)
        {
            if (!byLabel.TryGetValue((key, value), out var candidates))
            {
                return [];
            }

            rarest = rarest is null || candidates.Count < rarest.Count ? candidates : rarest;
        }

        return rarest!.Where(index => Matches(nodes[index], constraints)).ToArray();
    }

    /// <summary>True when <paramref name="node"/> carries every one of <paramref name="constraints"/>.</summary>
    public static bool Matches(NodeCapacity node, IReadOnlyDictionary<string, string> constraints)
    {
        foreach (var (key, value) in constraints)
        {
            if (!node.Labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }

        return true;
    }

    private List<int> Nodes(string key, string value)
    {
        if (!byLabel.TryGetValue((key, value), out var list))
        {
            list = [];
            byLabel[(key, value)] = list;
        }

        return list;
    }
}
