namespace Berth.Core.Placement;

/// <summary>One process type of one app, as the formation asks for it.</summary>
/// <param name="App">The app.</param>
/// <param name="Process">The process type, e.g. web.</param>
/// <param name="Count">How many instances should run.</param>
/// <param name="Release">The release the instances should run.</param>
/// <param name="MemoryMb">Memory reserved per instance, in MiB; 0 reserves none.</param>
/// <param name="Constraints">Labels a node must carry to take these instances.</param>
public sealed record ProcessDemand(
    string App,
    string Process,
    int Count,
    int Release,
    long MemoryMb,
    IReadOnlyDictionary<string, string> Constraints);
