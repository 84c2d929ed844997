namespace Berth.Core.Placement;

/// <summary>
/// Decides where instances run: a pure function of the formation, the nodes and the
/// instances already placed. It never places on a node that is not ready, lacks the
/// memory or the labels asked for; it spreads each process type across eligible nodes;
/// it moves nothing that already satisfies the formation; and it is deterministic.
/// </summary>
/// <remarks>
/// Choosing a node takes logarithmic time in the number of eligible nodes, so a full plan is
/// roughly linear in the instances. To plan one app's change against a large placed cluster
/// without revisiting every instance, use <see cref="PlacementState"/>.
/// </remarks>
public static class PlacementPlanner
{
    /// <summary>Plans the placement of <paramref name="demands"/> given <paramref name="current"/>.</summary>
    public static PlacementPlan Plan(
        IReadOnlyList<ProcessDemand> demands,
        IReadOnlyList<NodeCapacity> nodes,
        IReadOnlyList<PlacedInstance> current)
    {
        var demandByProcess = demands.ToDictionary(ProcessKey.Of);
        var round = new PlacementRound(new NodeLedger(nodes), runningIsReserved: false);

        foreach (var (process, running) in ByProcess(current))
        {
            round.SortCurrent(process, demandByProcess.GetValueOrDefault(process), running);
        }

        round.PlaceMissing(demands.OrderBy(ProcessKey.Of, ProcessKey.Order));
        return round.ToPlan();
    }

    private static IEnumerable<(ProcessKey Process, List<PlacedInstance> Running)> ByProcess(
        IReadOnlyList<PlacedInstance> current)
    {
        var byProcess = new Dictionary<ProcessKey, List<PlacedInstance>>();
        foreach (var instance in current)
        {
            var process = ProcessKey.Of(instance);
            if (!byProcess.TryGetValue(process, out var running))
            {
                running = [];
                byProcess.Add(process, running);
            }

            running.Add(instance);
        }

        return byProcess
            .OrderBy(p => p.Key, ProcessKey.Order)
            .Select(p => (p.Key, p.Value));
    }
}
