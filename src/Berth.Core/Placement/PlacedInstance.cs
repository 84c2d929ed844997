using Berth.Core.Processes;

namespace Berth.Core.Placement;

/// <summary>An instance of one release on one node.</summary>
/// <param name="App">The app.</param>
/// <param name="Process">The process type.</param>
/// <param name="Index">The instance number within the process type, from 1.</param>
/// <param name="Release">The release it runs.</param>
/// <param name="Node">The node it runs on.</param>
/// <param name="MemoryMb">Memory it reserves, in MiB.</param>
public sealed record PlacedInstance(
    string App,
    string Process,
    int Index,
    int Release,
    string Node,
    long MemoryMb)
{
    /// <summary>The instance name, <c>app.type.N</c>.</summary>
    public string Name => InstanceName.Format(App, Process, Index);
}
