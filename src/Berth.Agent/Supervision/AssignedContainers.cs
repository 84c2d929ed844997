using System.Collections.Frozen;
using Berth.Agent.Containers;

namespace Berth.Agent.Supervision;

/// <summary>
/// The container names of the assignment set the node applies now, shared by the reconcile
/// worker (which sets it before it acts on a set) and the restart supervisor (which restarts
/// only these). Unknown until the first set arrives.
/// </summary>
internal sealed class AssignedContainers
{
    private volatile FrozenSet<string>? _current;

    /// <summary>The names, <c>app.type.N.vR</c>; null before the first assignment set.</summary>
    public IReadOnlySet<string>? Current => _current;

    /// <summary>True when <paramref name="containerName"/> belongs to the current set.</summary>
    public bool Contains(string containerName) => _current?.Contains(containerName) == true;

    /// <summary>Makes <paramref name="assignments"/> the current set.</summary>
    public void Replace(IEnumerable<InstanceAssignment> assignments) =>
        _current = assignments.Select(assignment => assignment.ContainerName).ToFrozenSet(StringComparer.Ordinal);
}
