using Berth.Core.Placement;

namespace Berth.Core.Tests.Placement;

/// <summary>
/// The first, obviously correct planner: it scans every node for every instance. Kept in the
/// tests as the specification the indexed <see cref="PlacementPlanner"/> must agree with exactly.
/// </summary>
internal static class ReferencePlanner
{
    public static PlacementPlan Plan(
        IReadOnlyList<ProcessDemand> demands,
        IReadOnlyList<NodeCapacity> nodes,
        IReadOnlyList<PlacedInstance> current)
    {
        var ledger = new ReferenceLedger(nodes);
        var demandByProcess = demands.ToDictionary(d => (d.App, d.Process));

        var (keep, stop) = SortCurrent(current, demandByProcess, ledger);
        var (place, unplaced) = PlaceMissing(demands, keep, ledger);

        return new PlacementPlan(keep, place, stop, unplaced);
    }

    private static (List<PlacedInstance> Keep, List<PlacedInstance> Stop) SortCurrent(
        IReadOnlyList<PlacedInstance> current,
        Dictionary<(string App, string Process), ProcessDemand> demandByProcess,
        ReferenceLedger ledger)
    {
        var keep = new List<PlacedInstance>();
        var stop = new List<PlacedInstance>();
        var claimed = new HashSet<(string App, string Process, int Index)>();

        foreach (var instance in current.OrderBy(i => i, ReferenceInstanceOrder.Instance))
        {
            var satisfies = demandByProcess.TryGetValue((instance.App, instance.Process), out var demand)
                && instance.Index <= demand.Count
                && instance.Release == demand.Release
                && instance.MemoryMb == demand.MemoryMb
                && ledger.CanKeep(instance.Node, demand)
                && claimed.Add((instance.App, instance.Process, instance.Index));

            if (satisfies)
            {
                keep.Add(instance);
                ledger.Reserve(instance);
            }
            else
            {
                stop.Add(instance);
            }
        }

        return (keep, stop);
    }

    private static (List<PlacedInstance> Place, List<UnplacedInstance> Unplaced) PlaceMissing(
        IReadOnlyList<ProcessDemand> demands,
        List<PlacedInstance> keep,
        ReferenceLedger ledger)
    {
        var place = new List<PlacedInstance>();
        var unplaced = new List<UnplacedInstance>();
        var kept = keep.Select(i => (i.App, i.Process, i.Index)).ToHashSet();

        var ordered = demands
            .OrderBy(d => d.App, StringComparer.Ordinal)
            .ThenBy(d => d.Process, StringComparer.Ordinal);

        foreach (var demand in ordered)
        {
            for (var index = 1; index <= demand.Count; index++)
            {
                if (kept.Contains((demand.App, demand.Process, index)))
                {
                    continue;
                }

                var node = ledger.Choose(demand, out var reason);
                if (node is null)
                {
                    unplaced.Add(new UnplacedInstance(demand.App, demand.Process, index, reason));
                    continue;
                }

                var instance = new PlacedInstance(
                    demand.App, demand.Process, index, demand.Release, node, demand.MemoryMb);
                ledger.Reserve(instance);
                place.Add(instance);
            }
        }

        return (place, unplaced);
    }
}
