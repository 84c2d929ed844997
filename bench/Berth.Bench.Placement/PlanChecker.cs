using Berth.Core.Placement;

namespace Berth.Bench.Placement;

/// <summary>
/// Checks a plan against the placement rules by brute force, independently of the planner's
/// indexes, so that a fast but wrong plan cannot pass the benchmark.
/// </summary>
internal sealed class PlanChecker
{
    private readonly Dictionary<string, NodeCapacity> nodes;
    private readonly Dictionary<string, List<NodeCapacity>> eligibleByConstraints = new(StringComparer.Ordinal);

    /// <summary>A checker for plans over <paramref name="nodes"/>.</summary>
    public PlanChecker(IReadOnlyList<NodeCapacity> nodes)
    {
        this.nodes = nodes.ToDictionary(n => n.Name, StringComparer.Ordinal);
    }

    /// <summary>Every broken rule found so far, one sentence each.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>
    /// Checks a plan of <paramref name="demands"/> from <paramref name="current"/>: every slot
    /// covered once, nothing on a node that is not ready or lacks the labels or the memory, the
    /// releases asked for, keep and stop partitioning current, and each type spread within one
    /// across its eligible nodes unless memory forbids.
    /// </summary>
    public void CheckPlan(
        IReadOnlyList<ProcessDemand> demands,
        IReadOnlyList<PlacedInstance> current,
        PlacementPlan plan)
    {
        var byProcess = demands.ToDictionary(d => (d.App, d.Process));

        CheckCoverage(byProcess, plan);
        CheckPartition(current, plan);
        CheckNodes(byProcess, plan);
        var free = CheckMemory(plan);
        CheckSpread(demands, plan, free);
    }

    /// <summary>
    /// Checks that <paramref name="chosen"/> is the node the rules pick for one more instance of
    /// <paramref name="demand"/> given <paramref name="running"/>: eligible, then fewest of the
    /// type, then fewest in all, then first by name.
    /// </summary>
    public void CheckChoice(ProcessDemand demand, ClusterTotals running, string chosen)
    {
        var best = Eligible(demand)
            .Where(n => running.FreeMb(n) >= demand.MemoryMb)
            .OrderBy(n => running.OfType(n.Name, demand.App, demand.Process))
            .ThenBy(n => running.Total(n.Name))
            .ThenBy(n => n.Name, StringComparer.Ordinal)
            .FirstOrDefault();

        if (best?.Name != chosen)
        {
            Problems.Add($"{demand.App}.{demand.Process}: placed on {chosen}, the rules pick {best?.Name}");
        }
    }

    private void CheckCoverage(
        Dictionary<(string App, string Process), ProcessDemand> byProcess,
        PlacementPlan plan)
    {
        var seen = byProcess.ToDictionary(p => p.Key, p => new bool[Math.Max(p.Value.Count, 0) + 1]);
        var slots = plan.Keep.Concat(plan.Place)
            .Select(i => (i.App, i.Process, i.Index))
            .Concat(plan.Unplaced.Select(u => (u.App, u.Process, u.Index)));

        foreach (var (app, process, index) in slots)
        {
            if (!seen.TryGetValue((app, process), out var marks) || index < 1 || index >= marks.Length)
            {
                Problems.Add($"{app}.{process}.{index} is not asked for");
            }
            else if (marks[index])
            {
                Problems.Add($"{app}.{process}.{index} is covered twice");
            }
            else
            {
                marks[index] = true;
            }
        }

        var missing = seen.Sum(s => s.Value.Skip(1).Count(m => !m));
        if (missing > 0)
        {
            Problems.Add($"{missing} asked-for instances are neither kept, placed nor unplaced");
        }
    }

    private void CheckPartition(IReadOnlyList<PlacedInstance> current, PlacementPlan plan)
    {
        var counts = current.CountBy(i => i).ToDictionary(p => p.Key, p => p.Value);
        foreach (var instance in plan.Keep.Concat(plan.Stop))
        {
            if (counts.GetValueOrDefault(instance) == 0)
            {
                Problems.Add($"{instance.Name} on {instance.Node} is kept or stopped but was not running");
                continue;
            }

            counts[instance]--;
        }

        var left = counts.Values.Sum();
        if (left > 0)
        {
            Problems.Add($"{left} running instances are neither kept nor stopped");
        }
    }

    private void CheckNodes(Dictionary<(string App, string Process), ProcessDemand> byProcess, PlacementPlan plan)
    {
        foreach (var instance in plan.Keep)
        {
            CheckInstance(instance, byProcess[(instance.App, instance.Process)], mayBeDraining: true);
        }

        foreach (var instance in plan.Place)
        {
            var demand = byProcess[(instance.App, instance.Process)];
            CheckInstance(instance, demand, mayBeDraining: false);
            if (instance.MemoryMb != demand.MemoryMb)
            {
                Problems.Add($"{instance.Name} reserves {instance.MemoryMb} MiB, not {demand.MemoryMb}");
            }
        }
    }

    private void CheckInstance(PlacedInstance instance, ProcessDemand demand, bool mayBeDraining)
    {
        if (!nodes.TryGetValue(instance.Node, out var node))
        {
            Problems.Add($"{instance.Name} is on unknown node {instance.Node}");
            return;
        }

        var allowed = node.Status == NodeStatus.Ready || (mayBeDraining && node.Status == NodeStatus.Draining);
        if (!allowed)
        {
            Problems.Add($"{instance.Name} is on {node.Name}, which is {node.Status}");
        }

        if (!Matches(node, demand))
        {
            Problems.Add($"{instance.Name} is on {node.Name}, which lacks its labels");
        }

        if (instance.Release != demand.Release)
        {
            Problems.Add($"{instance.Name} runs v{instance.Release}, not v{demand.Release}");
        }
    }

    private Dictionary<string, long> CheckMemory(PlacementPlan plan)
    {
        var free = nodes.Values.ToDictionary(n => n.Name, n => n.MemoryMb, StringComparer.Ordinal);
        foreach (var instance in plan.Keep.Concat(plan.Place))
        {
            free[instance.Node] -= instance.MemoryMb;
        }

        foreach (var node in plan.Place.Select(p => p.Node).Distinct().Where(n => free[n] < 0))
        {
            Problems.Add($"{node} is {-free[node]} MiB over its memory");
        }

        return free;
    }

    private void CheckSpread(IReadOnlyList<ProcessDemand> demands, PlacementPlan plan, Dictionary<string, long> free)
    {
        var counts = plan.Keep.Concat(plan.Place)
            .GroupBy(i => (i.App, i.Process))
            .ToDictionary(g => g.Key, g => g.CountBy(i => i.Node).ToDictionary(p => p.Key, p => p.Value));

        foreach (var demand in demands.Where(d => counts.ContainsKey((d.App, d.Process))))
        {
            var perNode = counts[(demand.App, demand.Process)];
            var most = perNode.Values.Max();
            if (most < 2)
            {
                continue;
            }

            var starved = Eligible(demand)
                .FirstOrDefault(n => perNode.GetValueOrDefault(n.Name) <= most - 2 && free[n.Name] >= demand.MemoryMb);
            if (starved is not null)
            {
                Problems.Add(
                    $"{demand.App}.{demand.Process}: {starved.Name} holds {perNode.GetValueOrDefault(starved.Name)} "
                    + $"with memory free while another holds {most}");
            }
        }
    }

    private List<NodeCapacity> Eligible(ProcessDemand demand)
    {
        var key = string.Join(
            '\n',
            demand.Constraints.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"));
        if (!eligibleByConstraints.TryGetValue(key, out var eligible))
        {
            eligible = nodes.Values.Where(n => n.Status == NodeStatus.Ready && Matches(n, demand)).ToList();
            eligibleByConstraints[key] = eligible;
        }

        return eligible;
    }

    private static bool Matches(NodeCapacity node, ProcessDemand demand) =>
        demand.Constraints.All(c => node.Labels.TryGetValue(c.Key, out var value) && value == c.Value);
}
