using System.Runtime.InteropServices;

namespace Berth.Core.Placement;

/// <summary>
/// Running totals per node while plans are made: memory reserved, instances in all, and
/// instances of each process type; plus, per set of constraints asked for, a tree of the
/// eligible nodes kept up to date, so a node is chosen without scanning every node.
/// </summary>
// Limitation: each distinct set of constraints gets its own tree, kept for the ledger's life, and every
// reservation updates each tree its node belongs to; thousands of distinct constraint sets matching the same
// nodes would make reservations correspondingly slower.
internal sealed class NodeLedger
{
    private readonly NodeCapacity[] nodes;
    private readonly Dictionary<string, int> indexByName;
    private readonly long[] reservedMb;
    private readonly int[] totals;
    private readonly List<(EligibleNodeTree Tree, int Leaf)>?[] memberships;
    private readonly Dictionary<ProcessKey, Dictionary<int, int>> perProcess = [];
    private readonly Dictionary<string, EligibleNodeTree> trees = new(StringComparer.Ordinal);
    private readonly LabelIndex labels;

    /// <summary>An empty ledger over <paramref name="nodes"/>, whose names must be unique.</summary>
    public NodeLedger(IReadOnlyList<NodeCapacity> nodes)
    {
        this.nodes = nodes.OrderBy(n => n.Name, StringComparer.Ordinal).ToArray();
        indexByName = new Dictionary<string, int>(this.nodes.Length, StringComparer.Ordinal);
        for (var index = 0; index < this.nodes.Length; index++)
        {
            indexByName.Add(this.nodes[index].Name, index);
        }

        reservedMb = new long[this.nodes.Length];
        totals = new int[this.nodes.Length];
        memberships = new List<(EligibleNodeTree, int)>?[this.nodes.Length];
        labels = new LabelIndex(this.nodes);
    }

    /// <summary>How many nodes are ready.</summary>
    public int ReadyCount => labels.ReadyCount;

    /// <summary>The name of the node at <paramref name="node"/>.</summary>
    public string NameOf(int node) => nodes[node].Name;

    /// <summary>Instances reserved on <paramref name="node"/>.</summary>
    public int Total(int node) => totals[node];

    /// <summary>Memory not reserved on <paramref name="node"/>, in MiB; negative when over-committed.</summary>
    public long FreeMb(int node) => nodes[node].MemoryMb - reservedMb[node];

    /// <summary>True when a node named <paramref name="node"/> is in the ledger.</summary>
    public bool Knows(string node) => indexByName.ContainsKey(node);

    /// <summary>The index of the node named <paramref name="node"/> if it is known and not down, else -1.</summary>
    public int Holding(string node) =>
        indexByName.TryGetValue(node, out var index) && nodes[index].Status != NodeStatus.Down ? index : -1;

    /// <summary>
    /// The index of the node named <paramref name="node"/> if an instance asking for
    /// <paramref name="constraints"/> may stay there (known, not down, labelled); otherwise -1.
    /// </summary>
    public int Keeping(string node, IReadOnlyDictionary<string, string> constraints)
    {
        var index = Holding(node);
        return index >= 0 && LabelIndex.Matches(nodes[index], constraints) ? index : -1;
    }

    /// <summary>True when <paramref name="node"/> is ready and carries <paramref name="constraints"/>.</summary>
    public bool IsEligible(int node, IReadOnlyDictionary<string, string> constraints) =>
        nodes[node].Status == NodeStatus.Ready && LabelIndex.Matches(nodes[node], constraints);

    /// <summary>Instances of <paramref name="process"/> per node index; the ledger updates it as it reserves.</summary>
    public Dictionary<int, int> CountsOf(ProcessKey process)
    {
        ref var counts = ref CollectionsMarshal.GetValueRefOrAddDefault(perProcess, process, out _);
        counts ??= [];
        return counts;
    }

    /// <summary>Forgets the counts of <paramref name="process"/> when no instance of it is reserved.</summary>
    public void ForgetIfEmpty(ProcessKey process)
    {
        if (perProcess.TryGetValue(process, out var counts) && counts.Count == 0)
        {
            perProcess.Remove(process);
        }
    }

    /// <summary>Reserves one instance on <paramref name="node"/>; <paramref name="counts"/> are its type's.</summary>
    public void Reserve(int node, Dictionary<int, int> counts, long memoryMb)
    {
        reservedMb[node] += memoryMb;
        totals[node]++;
        CollectionsMarshal.GetValueRefOrAddDefault(counts, node, out _)++;
        UpdateTrees(node);
    }

    /// <summary>Undoes <see cref="Reserve"/> for one instance.</summary>
    public void Release(int node, Dictionary<int, int> counts, long memoryMb)
    {
        reservedMb[node] -= memoryMb;
        totals[node]--;
        ref var count = ref CollectionsMarshal.GetValueRefOrNullRef(counts, node);
        if (--count == 0)
        {
            counts.Remove(node);
        }

        UpdateTrees(node);
    }

    /// <summary>The tree of ready nodes carrying all <paramref name="constraints"/>, built once per set.</summary>
    public EligibleNodeTree Eligible(IReadOnlyDictionary<string, string> constraints)
    {
        var key = ConstraintKey(constraints);
        if (trees.TryGetValue(key, out var tree))
        {
            return tree;
        }

        tree = new EligibleNodeTree(labels.Matching(constraints), Total, FreeMb);
        trees.Add(key, tree);
        for (var leaf = 0; leaf < tree.Count; leaf++)
        {
            var node = tree.Members[leaf];
            (memberships[node] ??= []).Add((tree, leaf));
        }

        return tree;
    }

    private void UpdateTrees(int node)
    {
        if (memberships[node] is not { } containing)
        {
            return;
        }

        var free = FreeMb(node);
        foreach (var (tree, leaf) in containing)
        {
            tree.Update(leaf, totals[node], free);
        }
    }

    /// <summary>One string per set of constraints, whatever the dictionary's order.</summary>
    private static string ConstraintKey(IReadOnlyDictionary<string, string> constraints)
    {
        if (constraints.Count == 0)
        {
            return string.Empty;
        }

        var pairs = constraints
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => $"{c.Key.Length}:{c.Key}{c.Value.Length}:{c.Value}");
        return string.Concat(pairs);
    }
}
