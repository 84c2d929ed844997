using System.Globalization;
using Berth.Core.Placement;

namespace Berth.Bench.Placement;

/// <summary>
/// A cluster drawn from a fixed seed: nodes of three memory sizes in four zones, some with SSDs
/// or GPUs, a few draining or down; apps of one to three process types with counts from a
/// long-tailed spread summing exactly to the instances asked for, half reserving memory and
/// about one in seven constrained to a label.
/// </summary>
internal sealed record SyntheticCluster(IReadOnlyList<NodeCapacity> Nodes, IReadOnlyList<ProcessDemand> Demands)
{
    private static readonly string[] ProcessTypes = ["web", "worker", "clock"];
    private static readonly long[] NodeMemoryMb = [32_768, 65_536, 131_072];
    private static readonly long[] InstanceMemoryMb = [64, 128, 256, 512];

    /// <summary>Draws the cluster for <paramref name="options"/>; the same options give the same cluster.</summary>
    public static SyntheticCluster Create(BenchOptions options)
    {
        var random = new Random(options.Seed);
        var nodes = CreateNodes(options.Nodes, random);
        var demands = CreateDemands(options, random);

        return new SyntheticCluster(nodes, demands);
    }

    /// <summary>How many instances the demands ask for.</summary>
    public long InstanceCount => Demands.Sum(d => (long)d.Count);

    private static List<NodeCapacity> CreateNodes(int count, Random random)
    {
        var nodes = new List<NodeCapacity>(count);
        for (var i = 1; i <= count; i++)
        {
            var labels = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["zone"] = $"z{random.Next(1, 5)}",
                ["disk"] = random.NextDouble() < 0.6 ? "ssd" : "hdd",
            };
            if (random.NextDouble() < 0.05)
            {
                labels["gpu"] = "yes";
            }

            var name = string.Create(CultureInfo.InvariantCulture, $"node-{i:D5}");
            var memory = NodeMemoryMb[random.Next(NodeMemoryMb.Length)];
            nodes.Add(new NodeCapacity(name, Status(random), memory, labels));
        }

        return nodes;
    }

    private static NodeStatus Status(Random random) => random.NextDouble() switch
    {
        < 0.005 => NodeStatus.Down,
        < 0.015 => NodeStatus.Draining,
        _ => NodeStatus.Ready,
    };

    private static List<ProcessDemand> CreateDemands(BenchOptions options, Random random)
    {
        var specs = new List<(string App, string Process, double Weight)>();
        for (var a = 1; a <= options.Apps; a++)
        {
            var app = string.Create(CultureInfo.InvariantCulture, $"app-{a:D5}");
            var types = random.Next(1, ProcessTypes.Length + 1);
            for (var t = 0; t < types; t++)
            {
                specs.Add((app, ProcessTypes[t], Weight(random)));
            }
        }

        var counts = Apportion(specs.Select(s => s.Weight).ToList(), options.Instances);

        return specs
            .Select((s, i) => new ProcessDemand(
                s.App, s.Process, counts[i], random.Next(1, 20), Memory(random), Constraints(random)))
            .ToList();
    }

    /// <summary>Most types run a few instances, some a few hundred, a few thousands.</summary>
    private static double Weight(Random random) => random.NextDouble() switch
    {
        < 0.80 => random.Next(1, 41),
        < 0.98 => random.Next(40, 301),
        _ => random.Next(300, 3_001),
    };

    private static long Memory(Random random) =>
        random.NextDouble() < 0.5 ? 0 : InstanceMemoryMb[random.Next(InstanceMemoryMb.Length)];

    private static Dictionary<string, string> Constraints(Random random) => random.NextDouble() switch
    {
        < 0.08 => new(StringComparer.Ordinal) { ["zone"] = $"z{random.Next(1, 5)}" },
        < 0.13 => new(StringComparer.Ordinal) { ["disk"] = "ssd" },
        < 0.14 => new(StringComparer.Ordinal) { ["gpu"] = "yes", ["disk"] = "ssd" },
        _ => new(StringComparer.Ordinal),
    };

    /// <summary>Counts proportional to the weights, each at least one, summing exactly to the total.</summary>
    private static int[] Apportion(List<double> weights, int total)
    {
        var sum = weights.Sum();
        var counts = weights.Select(w => Math.Max(1, (int)(w * total / sum))).ToArray();
        var remainder = total - counts.Sum();

        for (var i = 0; remainder != 0; i = (i + 1) % counts.Length)
        {
            var step = Math.Sign(remainder);
            if (counts[i] + step >= 1)
            {
                counts[i] += step;
                remainder -= step;
            }
        }

        return counts;
    }
}
