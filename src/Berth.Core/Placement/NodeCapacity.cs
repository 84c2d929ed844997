namespace Berth.Core.Placement;

/// <summary>What placement needs to know of a node.</summary>
/// <param name="Name">The node's unique name.</param>
/// <param name="Status">Ready, draining or down.</param>
/// <param name="MemoryMb">Memory available to instances, in MiB.</param>
/// <param name="Labels">The node's labels, matched by constraints.</param>
public sealed record NodeCapacity(
    string Name,
    NodeStatus Status,
    long MemoryMb,
    IReadOnlyDictionary<string, string> Labels);
