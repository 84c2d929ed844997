namespace Berth.Core.Placement;

/// <summary>
/// One planning pass over some process types against a ledger: sorts their running instances
/// into keep and stop, so that exactly the kept ones are reserved, then places what is
/// missing, reserving it. The full planner and <see cref="PlacementState"/> both plan through it.
/// </summary>
/// <param name="ledger">The ledger to reserve in.</param>
/// <param name="runningIsReserved">
/// False when the ledger holds none of the running instances handed to the round (a full plan
/// reserves what it keeps); true when it already holds those on nodes that are up (a state
/// releases what it stops).
/// </param>
internal sealed class PlacementRound(NodeLedger ledger, bool runningIsReserved)
{
    private readonly List<PlacedInstance> keep = [];
    private readonly List<PlacedInstance> stop = [];
    private readonly List<PlacedInstance> place = [];
    private readonly List<UnplacedInstance> unplaced = [];
    private readonly List<(int Node, PlacedInstance Instance)> released = [];
    private readonly Dictionary<ProcessKey, List<int>> keptIndexes = [];

    /// <summary>
    /// Sorts the running instances of one process type. An instance stays when the formation
    /// still asks for its index and release and its node is up and carries the labels; of
    /// several for one index, the newest release, then the first node by name, stays.
    /// <paramref name="demand"/> is null when the formation no longer has the type.
    /// </summary>
    public void SortCurrent(ProcessKey process, ProcessDemand? demand, IEnumerable<PlacedInstance> running)
    {
        var counts = ledger.CountsOf(process);
        var kept = new List<int>();

        foreach (var instance in running.OrderBy(i => i, InstanceOrder.Instance))
        {
            var node = demand is null ? -1 : KeepingNode(instance, demand, kept);
            if (node < 0)
            {
                Stop(instance, counts);
                continue;
            }

            keep.Add(instance);
            kept.Add(instance.Index);
            if (!runningIsReserved)
            {
                ledger.Reserve(node, counts, instance.MemoryMb);
            }
        }

        keptIndexes[process] = kept;
    }

    /// <summary>Places what <paramref name="demands"/> ask for and nothing keeps; demands in plan order.</summary>
    public void PlaceMissing(IEnumerable<ProcessDemand> demands)
    {
        foreach (var demand in demands)
        {
            var process = ProcessKey.Of(demand);
            var counts = ledger.CountsOf(process);
            var chooser = new SpreadChooser(ledger, demand, counts);

            foreach (var index in Missing(demand, keptIndexes.GetValueOrDefault(process)))
            {
                PlaceOne(demand, index, counts, chooser);
            }
        }
    }

    /// <summary>The plan made so far.</summary>
    public PlacementPlan ToPlan() => new(keep, place, stop, unplaced);

    /// <summary>Undoes every change this round made to the ledger, leaving it as the round found it.</summary>
    public void Undo()
    {
        var reservedHere = runningIsReserved ? place : keep.Concat(place);
        foreach (var instance in reservedHere)
        {
            ledger.Release(ledger.Holding(instance.Node), ledger.CountsOf(ProcessKey.Of(instance)), instance.MemoryMb);
        }

        foreach (var (node, instance) in released)
        {
            ledger.Reserve(node, ledger.CountsOf(ProcessKey.Of(instance)), instance.MemoryMb);
        }

        released.Clear();
    }

    private void Stop(PlacedInstance instance, Dictionary<int, int> counts)
    {
        stop.Add(instance);
        var node = runningIsReserved ? ledger.Holding(instance.Node) : -1;
        if (node >= 0)
        {
            ledger.Release(node, counts, instance.MemoryMb);
            released.Add((node, instance));
        }
    }

    private int KeepingNode(PlacedInstance instance, ProcessDemand demand, List<int> kept)
    {
        // Instances arrive by index, so an index is already claimed exactly when it was the last kept.
        var wanted = instance.Index <= demand.Count
            && instance.Release == demand.Release
            && instance.MemoryMb == demand.MemoryMb
            && (kept.Count == 0 || kept[^1] != instance.Index);

        return wanted ? ledger.Keeping(instance.Node, demand.Constraints) : -1;
    }

    private void PlaceOne(ProcessDemand demand, int index, Dictionary<int, int> counts, SpreadChooser chooser)
    {
        var node = chooser.Next();
        if (node < 0)
        {
            unplaced.Add(new UnplacedInstance(demand.App, demand.Process, index, chooser.Reason));
            return;
        }

        ledger.Reserve(node, counts, demand.MemoryMb);
        chooser.Reserved(node);
        place.Add(new PlacedInstance(
            demand.App, demand.Process, index, demand.Release, ledger.NameOf(node), demand.MemoryMb));
    }

    /// <summary>The indexes 1 to the demand's count that <paramref name="kept"/> (ascending) lacks.</summary>
    private static IEnumerable<int> Missing(ProcessDemand demand, List<int>? kept)
    {
        var next = 0;
        for (var index = 1; index <= demand.Count; index++)
        {
            if (kept is not null && next < kept.Count && kept[next] == index)
            {
                next++;
                continue;
            }

            yield return index;
        }
    }
}
