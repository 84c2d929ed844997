using System.Globalization;
using Berth.Cli.Output;

namespace Berth.Cli.Commands;

/// <summary>How values look in the CLI's output, the same in every command.</summary>
internal static class Formatting
{
    /// <summary>Writes a section heading in Dokku's style: <c>=====&gt; text</c>.</summary>
    public static void Heading(IConsoleOutput output, string text) => output.WriteLine($"=====> {text}");

    /// <summary>A release number as <c>v3</c>, or <c>none</c> before the first release.</summary>
    public static string Release(int release) =>
        release > 0 ? string.Create(CultureInfo.InvariantCulture, $"v{release}") : "none";

    /// <summary>A formation as <c>web=2 worker=1</c>, sorted by process type.</summary>
    public static string Formation(IEnumerable<KeyValuePair<string, int>> formation)
    {
        var pairs = formation
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.Key}={pair.Value}"))
            .ToList();

        return pairs.Count == 0 ? "none" : string.Join(' ', pairs);
    }

    /// <summary>Labels as <c>disk=ssd,zone=a</c>, sorted by key, or <c>none</c>.</summary>
    public static string Labels(IEnumerable<KeyValuePair<string, string>> labels)
    {
        var pairs = labels
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => $"{pair.Key}={pair.Value}")
            .ToList();

        return pairs.Count == 0 ? "none" : string.Join(',', pairs);
    }

    /// <summary>A memory amount in MiB as <c>256 MB</c>, or <c>none</c> for 0.</summary>
    public static string Memory(long megabytes) => megabytes > 0 ? $"{Number(megabytes)} MB" : "none";

    /// <summary>
    /// A duration in its largest whole unit, as <c>5s</c>, <c>3m</c>, <c>2h</c> or <c>4d</c>;
    /// a negative one (clock skew) reads <c>0s</c>.
    /// </summary>
    public static string Duration(TimeSpan duration) => duration switch
    {
        { Ticks: < 0 } => "0s",
        { TotalMinutes: < 1 } => $"{Number(duration.Seconds)}s",
        { TotalHours: < 1 } => $"{Number(duration.Minutes)}m",
        { TotalDays: < 1 } => $"{Number(duration.Hours)}h",
        _ => $"{Number(duration.Days)}d",
    };

    /// <summary>A whole number, culture-invariant.</summary>
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes <c>label: value</c> lines with the values aligned.</summary>
    public static void Fields(IConsoleOutput output, IReadOnlyList<(string Label, string Value)> fields)
    {
        var width = fields.Max(field => field.Label.Length) + 1;
        foreach (var (label, value) in fields)
        {
            output.WriteLine($"{(label + ":").PadRight(width)} {value}");
        }
    }
}
