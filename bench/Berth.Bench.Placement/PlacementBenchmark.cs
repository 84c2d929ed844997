using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Berth.Core.Placement;

namespace Berth.Bench.Placement;

/// <summary>
/// Times the full plan of a synthetic cluster from empty and the incremental plan of one
/// change in the placed cluster, and checks every plan it times.
/// </summary>
internal static class PlacementBenchmark
{
    /// <summary>Runs every case, prints the figures and returns the exit code: 0 when every check passed.</summary>
    public static int Run(BenchOptions options, TextWriter output)
    {
        PrintMachine(options, output);

        var cluster = SyntheticCluster.Create(options);
        output.WriteLine(
            Invariant($"cluster: {cluster.Nodes.Count} nodes, {cluster.Demands.Count} process types, ")
            + Invariant($"{cluster.InstanceCount} instances"));

        var checker = new PlanChecker(cluster.Nodes);
        var plan = TimeFullPlan(cluster, options, output);
        checker.CheckPlan(cluster.Demands, [], plan);
        if (plan.Unplaced.Count > 0)
        {
            checker.Problems.Add($"{plan.Unplaced.Count} instances unplaced: {plan.Unplaced[0].Reason}");
        }

        new IncrementalBenchmark(cluster, plan.Place, checker, output).Run(options);

        return Report(checker, output);
    }

    private static PlacementPlan TimeFullPlan(SyntheticCluster cluster, BenchOptions options, TextWriter output)
    {
        var warmUp = SyntheticCluster.Create(options with { Nodes = 100, Apps = 100, Instances = 10_000 });
        PlacementPlanner.Plan(warmUp.Demands, warmUp.Nodes, []);

        var times = new List<double>();
        PlacementPlan? plan = null;
        for (var run = 0; run < Math.Max(1, options.FullRuns); run++)
        {
            // Let the previous run's plan be collected before timing the next.
            plan = null;
            Collect();
            var clock = Stopwatch.StartNew();
            plan = PlacementPlanner.Plan(cluster.Demands, cluster.Nodes, []);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        var runs = string.Join(", ", times.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)));
        output.WriteLine(
            Invariant($"full plan from empty: median {Median(times):F0} ms, runs {runs} ms; ")
            + Invariant($"placed {plan!.Place.Count}, unplaced {plan.Unplaced.Count}"));
        return plan;
    }

    private static int Report(PlanChecker checker, TextWriter output)
    {
        if (checker.Problems.Count == 0)
        {
            output.WriteLine("checks: passed");
            return 0;
        }

        output.WriteLine(Invariant($"checks: FAILED, {checker.Problems.Count} problems"));
        foreach (var problem in checker.Problems.Take(20))
        {
            output.WriteLine($"  {problem}");
        }

        return 1;
    }

    private static void PrintMachine(BenchOptions options, TextWriter output)
    {
        output.WriteLine(
            Invariant($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, ")
            + Invariant($".NET {Environment.Version}, ")
            + Invariant($"server GC {GCSettings.IsServerGC}"));
        output.WriteLine(Invariant($"options: {options}"));
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    /// <summary>The middle value (the mean of the two middle values for an even count).</summary>
    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
