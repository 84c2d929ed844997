namespace Berth.ControlPlane.Store;

/// <summary>A node as it last registered.</summary>
public sealed record NodeRecord(
    string Name,
    string Address,
    IReadOnlyDictionary<string, string> Labels,
    long MemoryMb,
    DateTimeOffset RegisteredAt);
