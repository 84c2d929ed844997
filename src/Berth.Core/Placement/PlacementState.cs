namespace Berth.Core.Placement;

/// <summary>
/// A placed cluster held in memory, so that a change to a few process types (a scale, a new
/// release, a new app) is planned without revisiting every instance. Built once from the nodes
/// and the running instances, it plans changes by the same rules and with the same reasons as
/// <see cref="PlacementPlanner.Plan"/>, and is updated with the plans it made.
/// </summary>
/// <remarks>
/// <see cref="Plan"/> looks only at the process types it is given: instances of every other
/// type are taken as they run and reserve their memory where they are. When those instances
/// already satisfy their formation, as after a full plan, its plan equals what the full plan
/// decides for the changed types. It is not safe for use from several threads at once.
/// </remarks>
// Limitation: nodes are fixed when the state is built; a node that joins, goes down, drains or changes its
// memory or labels needs a new state (built in linear time) or a full plan.
public sealed class PlacementState
{
    private readonly NodeLedger ledger;
    private readonly Dictionary<ProcessKey, List<PlacedInstance>> running = [];

    /// <summary>
    /// Holds <paramref name="instances"/> as running on <paramref name="nodes"/> (whose names
    /// must be unique). Instances on unknown or down nodes reserve nothing.
    /// </summary>
    public PlacementState(IReadOnlyList<NodeCapacity> nodes, IReadOnlyList<PlacedInstance> instances)
    {
        ledger = new NodeLedger(nodes);
        foreach (var instance in instances)
        {
            Hold(instance);
        }
    }

    /// <summary>How many instances the state holds.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Plans <paramref name="demands"/>, at most one per process type, against the held
    /// instances: the plan's Keep and Stop cover the running instances of those types only,
    /// its Place and Unplaced their missing instances. A count of 0 stops a type. The state
    /// is unchanged; pass the plan to <see cref="Apply"/> once it is carried out.
    /// </summary>
    /// <exception cref="ArgumentException">Two demands name the same process type.</exception>
    public PlacementPlan Plan(IReadOnlyList<ProcessDemand> demands)
    {
        var ordered = Ordered(demands);
        var round = new PlacementRound(ledger, runningIsReserved: true);

        try
        {
            foreach (var demand in ordered)
            {
                var process = ProcessKey.Of(demand);
                round.SortCurrent(process, demand, Running(process));
            }

            round.PlaceMissing(ordered);
            return round.ToPlan();
        }
        finally
        {
            round.Undo();
            foreach (var demand in ordered)
            {
                ledger.ForgetIfEmpty(ProcessKey.Of(demand));
            }
        }
    }

    /// <summary>
    /// Records that <paramref name="plan"/> was carried out: its Stop instances no longer run
    /// and its Place instances do. Either the whole plan is recorded or, on error, nothing.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The plan stops an instance the state does not hold, or places one on an unknown node.
    /// </exception>
    public void Apply(PlacementPlan plan)
    {
        var stops = new List<(ProcessKey Process, List<PlacedInstance> Stopped, List<PlacedInstance> Remaining)>();
        foreach (var group in plan.Stop.GroupBy(ProcessKey.Of))
        {
            var remaining = Remaining(group.Key, group, out var notHeld);
            if (notHeld is not null)
            {
                throw new ArgumentException(
                    $"The plan stops {notHeld.Name} on {notHeld.Node}, which the state does not hold.",
                    nameof(plan));
            }

            stops.Add((group.Key, group.ToList(), remaining));
        }

        var unknownNode = plan.Place.FirstOrDefault(i => !ledger.Knows(i.Node));
        if (unknownNode is not null)
        {
            throw new ArgumentException(
                $"The plan places {unknownNode.Name} on {unknownNode.Node}, a node the state does not know.",
                nameof(plan));
        }

        foreach (var (process, stopped, remaining) in stops)
        {
            Drop(process, stopped, remaining);
        }

        foreach (var instance in plan.Place)
        {
            Hold(instance);
        }
    }

    /// <summary>Every instance held, ordered by app, process type, index, newest release, node.</summary>
    public IReadOnlyList<PlacedInstance> Instances() =>
        running
            .OrderBy(p => p.Key, ProcessKey.Order)
            .SelectMany(p => p.Value.OrderBy(i => i, InstanceOrder.Instance))
            .ToList();

    private static List<ProcessDemand> Ordered(IReadOnlyList<ProcessDemand> demands)
    {
        var ordered = demands.OrderBy(ProcessKey.Of, ProcessKey.Order).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ProcessKey.Of(ordered[i]) == ProcessKey.Of(ordered[i - 1]))
            {
                throw new ArgumentException(
                    $"Process type {ordered[i].App}.{ordered[i].Process} is demanded twice; give one demand per type.",
                    nameof(demands));
            }
        }

        return ordered;
    }

    private List<PlacedInstance> Running(ProcessKey process) =>
        running.TryGetValue(process, out var instances) ? instances : [];

    /// <summary>
    /// The instances of <paramref name="process"/> left once <paramref name="stopped"/> are
    /// taken out, one held instance per stopped one; <paramref name="notHeld"/> names a
    /// stopped instance the state does not hold.
    /// </summary>
    private List<PlacedInstance> Remaining(
        ProcessKey process,
        IEnumerable<PlacedInstance> stopped,
        out PlacedInstance? notHeld)
    {
        var pending = stopped.CountBy(i => i).ToDictionary(p => p.Key, p => p.Value);
        var remaining = new List<PlacedInstance>();

        foreach (var instance in Running(process))
        {
            if (pending.TryGetValue(instance, out var count) && count > 0)
            {
                pending[instance] = count - 1;
                continue;
            }

            remaining.Add(instance);
        }

        notHeld = pending.FirstOrDefault(p => p.Value > 0).Key;
        return remaining;
    }

    private void Hold(PlacedInstance instance)
    {
        var process = ProcessKey.Of(instance);
        if (!running.TryGetValue(process, out var instances))
        {
            instances = [];
            running.Add(process, instances);
        }

        instances.Add(instance);
        Count++;

        var node = ledger.Holding(instance.Node);
        if (node >= 0)
        {
            ledger.Reserve(node, ledger.CountsOf(process), instance.MemoryMb);
        }
    }

    /// <summary>Releases <paramref name="stopped"/>, keeping <paramref name="remaining"/> of a type.</summary>
    private void Drop(ProcessKey process, List<PlacedInstance> stopped, List<PlacedInstance> remaining)
    {
        var counts = ledger.CountsOf(process);
        foreach (var instance in stopped)
        {
            var node = ledger.Holding(instance.Node);
            if (node >= 0)
            {
                ledger.Release(node, counts, instance.MemoryMb);
            }
        }

        Count -= stopped.Count;
        if (remaining.Count == 0)
        {
            running.Remove(process);
        }
        else
        {
            running[process] = remaining;
        }

        ledger.ForgetIfEmpty(process);
    }
}
