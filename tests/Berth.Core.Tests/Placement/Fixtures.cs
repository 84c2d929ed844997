using Berth.Core.Placement;

namespace Berth.Core.Tests.Placement;

/// <summary>Short builders for nodes, demands and instances in placement tests.</summary>
internal static class Fixtures
{
    public static readonly IReadOnlyDictionary<string, string> NoLabels = new Dictionary<string, string>();

    public static NodeCapacity Node(
        string name,
        NodeStatus status = NodeStatus.Ready,
        long memoryMb = 4096,
        params (string Key, string Value)[] labels) =>
        new(name, status, memoryMb, labels.ToDictionary(l => l.Key, l => l.Value));

    public static ProcessDemand Demand(
        string app,
        string process,
        int count,
        int release = 1,
        long memoryMb = 0,
        params (string Key, string Value)[] constraints) =>
        new(app, process, count, release, memoryMb, constraints.ToDictionary(c => c.Key, c => c.Value));

    public static PlacedInstance Instance(
        string app,
        string process,
        int index,
        string node,
        int release = 1,
        long memoryMb = 0) =>
        new(app, process, index, release, node, memoryMb);

    /// <summary>How many instances of one process type each node holds in <paramref name="instances"/>.</summary>
    public static Dictionary<string, int> CountPerNode(
        IEnumerable<PlacedInstance> instances,
        string app,
        string process) =>
        instances
            .Where(i => i.App == app && i.Process == process)
            .GroupBy(i => i.Node, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
