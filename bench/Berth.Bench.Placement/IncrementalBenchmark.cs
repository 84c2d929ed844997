using System.Diagnostics;
using System.Globalization;
using Berth.Core.Placement;

namespace Berth.Bench.Placement;

/// <summary>
/// Times scaling one process type by one instance in a placed cluster, through a
/// <see cref="PlacementState"/> built once, and checks every choice by brute force and one
/// against the full planner.
/// </summary>
internal sealed class IncrementalBenchmark(
    SyntheticCluster cluster,
    IReadOnlyList<PlacedInstance> placed,
    PlanChecker checker,
    TextWriter output)
{
    private const int WarmUpRuns = 10;

    /// <summary>Runs the incremental cases and prints their figures.</summary>
    public void Run(BenchOptions options)
    {
        var clock = Stopwatch.StartNew();
        var state = new PlacementState(cluster.Nodes, placed);
        output.WriteLine(
            Invariant($"incremental: state built from {state.Count} instances ")
            + Invariant($"in {clock.Elapsed.TotalMilliseconds:F0} ms (once)"));

        var totals = new ClusterTotals(cluster.Nodes, placed);
        var picks = Picks(options, WarmUpRuns + (2 * options.IncrementalRuns));

        var first = ScaleUp(picks[0]);
        CompareWithFullPlan(first, state.Plan([first]));

        var runs = options.IncrementalRuns;
        TimePlans(state, totals, picks[..WarmUpRuns], apply: false);
        var planOnly = TimePlans(state, totals, picks[WarmUpRuns..(WarmUpRuns + runs)], apply: false);
        var largest = cluster.Demands.MaxBy(d => d.Count)!;
        TimePlans(state, totals, Enumerable.Repeat(largest, WarmUpRuns).ToArray(), apply: false);
        var worst = TimePlans(state, totals, Enumerable.Repeat(largest, runs).ToArray(), apply: false);
        var withApply = TimePlans(state, totals, picks[(WarmUpRuns + runs)..], apply: true);

        Print("plan, scale one type by +1", planOnly);
        Print($"plan, scale the largest type ({largest.Count} instances) by +1", worst);
        Print("plan + apply, scale one type by +1", withApply);
    }

    /// <summary>Distinct process types drawn from the seed, one per run.</summary>
    private ProcessDemand[] Picks(BenchOptions options, int count)
    {
        var random = new Random(options.Seed + 1);
        var order = Enumerable.Range(0, cluster.Demands.Count).ToArray();
        random.Shuffle(order);

        return order.Take(count).Select(i => cluster.Demands[i]).ToArray();
    }

    private List<double> TimePlans(PlacementState state, ClusterTotals totals, ProcessDemand[] demands, bool apply)
    {
        var times = new List<double>();
        foreach (var demand in demands)
        {
            var change = ScaleUp(demand);
            var clock = Stopwatch.StartNew();
            var plan = state.Plan([change]);
            if (apply)
            {
                state.Apply(plan);
            }

            times.Add(clock.Elapsed.TotalMilliseconds);
            CheckScaleUp(demand, change, plan, totals);
            if (apply)
            {
                totals.Add(plan.Place[0], 1);
            }
        }

        return times;
    }

    private void CheckScaleUp(ProcessDemand before, ProcessDemand change, PlacementPlan plan, ClusterTotals totals)
    {
        var placedOne = plan.Place.Count == 1 && plan.Place[0].Index == change.Count;
        if (!placedOne || plan.Stop.Count > 0 || plan.Unplaced.Count > 0 || plan.Keep.Count != before.Count)
        {
            checker.Problems.Add(
                $"{change.App}.{change.Process} +1: kept {plan.Keep.Count}, placed {plan.Place.Count}, "
                + $"stopped {plan.Stop.Count}, unplaced {plan.Unplaced.Count}");
            return;
        }

        checker.CheckChoice(change, totals, plan.Place[0].Node);
    }

    /// <summary>The full planner, given the whole cluster and the changed formation, must decide the same.</summary>
    private void CompareWithFullPlan(ProcessDemand change, PlacementPlan incremental)
    {
        var demands = cluster.Demands.Select(d => ProcessKeyEquals(d, change) ? change : d).ToList();
        var clock = Stopwatch.StartNew();
        var full = PlacementPlanner.Plan(demands, cluster.Nodes, placed);
        var elapsed = clock.Elapsed.TotalMilliseconds;

        var same = full.Place.SequenceEqual(incremental.Place)
            && full.Stop.SequenceEqual(incremental.Stop)
            && full.Unplaced.SequenceEqual(incremental.Unplaced)
            && full.Keep.Where(i => i.App == change.App && i.Process == change.Process).SequenceEqual(incremental.Keep);
        if (!same)
        {
            checker.Problems.Add($"{change.App}.{change.Process} +1: the incremental plan differs from the full plan");
        }

        checker.CheckPlan(demands, placed, full);
        output.WriteLine(
            Invariant($"full replan of the whole cluster for the same change: {elapsed:F0} ms; ")
            + Invariant($"incremental decides the same: {same}"));
    }

    private void Print(string name, List<double> times)
    {
        output.WriteLine(Invariant(
            $"incremental {name}: median {PlacementBenchmark.Median(times):F3} ms, ")
            + Invariant($"min {times.Min():F3} ms, max {times.Max():F3} ms over {times.Count} runs ")
            + Invariant($"(after {WarmUpRuns} warm-up runs)"));
    }

    private static ProcessDemand ScaleUp(ProcessDemand demand) => demand with { Count = demand.Count + 1 };

    private static bool ProcessKeyEquals(ProcessDemand x, ProcessDemand y) => x.App == y.App && x.Process == y.Process;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
