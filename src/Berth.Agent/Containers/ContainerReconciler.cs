using Berth.Agent.Options;

namespace Berth.Agent.Containers;

/// <summary>
/// Compares the node's desired instances with the containers Docker reports and plans the
/// steps that close the gap. Pure: no I/O. Containers without <c>berth.managed=true</c> are
/// never part of a plan. An assigned container that ran and exited is the restart
/// supervisor's (it restarts it with backoff), so the reconciler neither starts nor
/// re-creates it; it only starts containers that were created and never started.
/// </summary>
internal static class ContainerReconciler
{
    /// <summary>
    /// The steps that make the node run exactly <paramref name="desired"/>: rejections first,
    /// then starts of containers created but never started, then new instances, then removals.
    /// </summary>
    /// <param name="desired">The assignment set: every instance the node should run.</param>
    /// <param name="observed">The containers Docker lists, managed or not.</param>
    /// <param name="ports">The node's port range for listening instances.</param>
    public static IReadOnlyList<ContainerOperation> Plan(
        IReadOnlyList<InstanceAssignment> desired,
        IReadOnlyList<ObservedContainer> observed,
        PortRange ports)
    {
        var managed = observed.Where(container => container.IsManaged).ToList();
        var byName = managed.GroupBy(container => container.Name, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
        var wanted = desired.DistinctBy(assignment => assignment.ContainerName, StringComparer.Ordinal).ToList();

        var allocator = new PortAllocator(ports, managed.Select(container => container.Port));
        var forAssignments = wanted.Select(assignment => PlanAssignment(assignment, byName, allocator, ports))
            .OfType<ContainerOperation>()
            .ToList();

        return
        [
            .. forAssignments.OfType<RejectInstance>(),
            .. forAssignments.OfType<StartContainer>(),
            .. forAssignments.OfType<StartInstance>(),
            .. PlanRemovals(wanted, managed),
        ];
    }

    private static ContainerOperation? PlanAssignment(
        InstanceAssignment assignment,
        Dictionary<string, ObservedContainer> byName,
        PortAllocator allocator,
        PortRange ports)
    {
        // Limitation: a changed memory limit reaches an instance only when its container is next created
        // (a new release); the agent does not resize or re-create a container that already exists.
        if (byName.TryGetValue(assignment.ContainerName, out var existing))
        {
            // Exited containers wait for the restart supervisor's backoff: starting them here too
            // would defeat it.
            return existing.NeverStarted ? new StartContainer(existing.Id, existing.Name, assignment) : null;
        }

        if (!assignment.Listens)
        {
            return new StartInstance(assignment, 0);
        }

        return allocator.TryTake(out var port)
            ? new StartInstance(assignment, port)
            : new RejectInstance(
                assignment,
                $"no free port is left in the node's range {ports}: widen the agent's --ports or scale down.");
    }

    private static IEnumerable<RemoveContainer> PlanRemovals(
        List<InstanceAssignment> wanted,
        List<ObservedContainer> managed)
    {
        var wantedNames = wanted.Select(assignment => assignment.ContainerName).ToHashSet(StringComparer.Ordinal);

        return managed
            .Where(container => !wantedNames.Contains(container.Name))
            .OrderBy(container => container.Name, StringComparer.Ordinal)
            .Select(container => new RemoveContainer(container.Id, container.Name));
    }
}
