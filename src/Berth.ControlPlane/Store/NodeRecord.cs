namespace Berth.ControlPlane.Store;

/// <summary>
/// A node as it last registered. Its labels are the agent's own (from --label) with the
/// cluster's changes (nodes:label) laid over them.
/// </summary>
public sealed record NodeRecord(
    string Name,
    string Address,
    IReadOnlyDictionary<string, string> Labels,
    long MemoryMb,
    DateTimeOffset RegisteredAt);
