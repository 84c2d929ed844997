using System.Globalization;

namespace Berth.Bench.Placement;

/// <summary>The size of the synthetic cluster and how often each case runs.</summary>
/// <param name="Nodes">Simulated nodes.</param>
/// <param name="Apps">Apps, each with one to three process types.</param>
/// <param name="Instances">Instances asked for in all.</param>
/// <param name="Seed">The seed every random choice is drawn from.</param>
/// <param name="FullRuns">Timed runs of the full plan.</param>
/// <param name="IncrementalRuns">Timed runs of the incremental plan, after as many warm-up runs.</param>
internal sealed record BenchOptions(
    int Nodes,
    int Apps,
    int Instances,
    int Seed,
    int FullRuns,
    int IncrementalRuns)
{
    /// <summary>The goal's cluster: a million instances over five thousand nodes.</summary>
    public static BenchOptions Default { get; } = new(5_000, 10_000, 1_000_000, 20_260_101, 3, 31);

    /// <summary>Reads <c>--nodes N --apps N --instances N --seed N --full-runs N --incremental-runs N</c>.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = Default;
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--nodes" => options with { Nodes = value },
                "--apps" => options with { Apps = value },
                "--instances" => options with { Instances = value },
                "--seed" => options with { Seed = value },
                "--full-runs" => options with { FullRuns = value },
                "--incremental-runs" => options with { IncrementalRuns = value },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return options;
    }
}
