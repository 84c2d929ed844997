namespace Berth.Core.Placement;

/// <summary>
/// The ready nodes that carry one set of labels, as a tournament tree: each subtree knows its
/// least (instances in all, name) key and its most free memory. It yields the nodes in key
/// order, skipping whole subtrees without the memory asked for, in logarithmic time per node.
/// </summary>
internal sealed class EligibleNodeTree
{
    private const long Vacant = long.MaxValue;

    private readonly int[] members;
    private readonly int leafBase;
    private readonly long[] keys;
    private readonly long[] mostFreeMb;

    /// <summary>A tree over <paramref name="members"/>, node indexes in name order.</summary>
    public EligibleNodeTree(int[] members, Func<int, int> total, Func<int, long> freeMb)
    {
        this.members = members;
        leafBase = (int)Math.Max(1, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)members.Length));
        keys = new long[2 * leafBase];
        mostFreeMb = new long[2 * leafBase];

        Array.Fill(keys, Vacant);
        Array.Fill(mostFreeMb, long.MinValue);
        for (var leaf = 0; leaf < members.Length; leaf++)
        {
            SetLeaf(leaf, total(members[leaf]), freeMb(members[leaf]));
        }

        for (var position = leafBase - 1; position >= 1; position--)
        {
            Recount(position);
        }
    }

    /// <summary>How many nodes the tree holds.</summary>
    public int Count => members.Length;

    /// <summary>The node indexes the tree holds, in name order.</summary>
    public IReadOnlyList<int> Members => members;

    /// <summary>Records a node's new totals; <paramref name="leaf"/> is its place in <see cref="Members"/>.</summary>
    public void Update(int leaf, int total, long freeMb)
    {
        SetLeaf(leaf, total, freeMb);
        for (var position = (leafBase + leaf) / 2; position >= 1; position /= 2)
        {
            Recount(position);
        }
    }

    /// <summary>Starts a walk over the nodes with at least <paramref name="memoryMb"/> free.</summary>
    public void Begin(PriorityQueue<int, long> frontier, long memoryMb)
    {
        frontier.Clear();
        Push(frontier, 1, memoryMb);
    }

    /// <summary>
    /// The next node of the walk in (instances in all, name) order, as the totals stood when
    /// its subtree was reached; false when none is left.
    /// </summary>
    public bool TryNext(PriorityQueue<int, long> frontier, long memoryMb, out int node)
    {
        while (frontier.TryDequeue(out var position, out _))
        {
            if (position >= leafBase)
            {
                node = members[position - leafBase];
                return true;
            }

            Push(frontier, 2 * position, memoryMb);
            Push(frontier, (2 * position) + 1, memoryMb);
        }

        node = -1;
        return false;
    }

    private void Push(PriorityQueue<int, long> frontier, int position, long memoryMb)
    {
        if (keys[position] != Vacant && mostFreeMb[position] >= memoryMb)
        {
            frontier.Enqueue(position, keys[position]);
        }
    }

    private void SetLeaf(int leaf, int total, long freeMb)
    {
        // The leaf position breaks ties: members are in name order, so this is the name order.
        keys[leafBase + leaf] = ((long)total << 32) | (uint)leaf;
        mostFreeMb[leafBase + leaf] = freeMb;
    }

    private void Recount(int position)
    {
        keys[position] = Math.Min(keys[2 * position], keys[(2 * position) + 1]);
        mostFreeMb[position] = Math.Max(mostFreeMb[2 * position], mostFreeMb[(2 * position) + 1]);
    }
}
