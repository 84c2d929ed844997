using System.Text.Json.Nodes;
using Berth.Cli.Output;
using Berth.Contracts;

namespace Berth.Cli.Commands;

/// <summary>
/// How the <c>ps:*</c> commands show a <see cref="ProcessReport"/>: whether the app is stopped,
/// its release, and a table of its process types; or one JSON object.
/// </summary>
internal static class ProcessReportView
{
    /// <summary>The columns of the process type table.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["type", "command", "quantity", "running", "memory", "constraints", "max parallel", "stop timeout"];

    /// <summary>Writes <paramref name="report"/> as text or JSON.</summary>
    public static void Write(IConsoleOutput output, ProcessReport report, string format)
    {
        if (format == OutputFormat.Json)
        {
            JsonText.Write(output, Json(report));
            return;
        }

        Formatting.Heading(output, $"{report.App} processes");
        Formatting.Fields(
            output,
            [("Stopped", report.Stopped ? "yes" : "no"), ("Release", Formatting.Release(report.CurrentRelease))]);

        if (report.Processes.Count == 0)
        {
            output.WriteLine("No process types yet; they come with the first deploy (git push).");
            return;
        }

        output.WriteTable(Columns, Sorted(report).Select(Row).ToList());
    }

    /// <summary>
    /// Writes what a change did (in text only), then the report and any unplaced instances;
    /// returns the exit code, 1 when some instance could not be placed.
    /// </summary>
    public static int WriteChange(IConsoleOutput output, ProcessReport report, string done, string format)
    {
        if (format != OutputFormat.Json)
        {
            output.WriteLine(done);
        }

        Write(output, report, format);
        return UnplacedInstances.WarnForChange(output, report.App, report.Unplaced);
    }

    /// <summary>The whole report as JSON, process types sorted by name.</summary>
    public static JsonObject Json(ProcessReport report) => new()
    {
        ["app"] = report.App,
        ["stopped"] = report.Stopped,
        ["current_release"] = report.CurrentRelease,
        ["processes"] = new JsonArray([.. Sorted(report).Select(Json)]),
        ["unplaced"] = JsonText.Array(report.Unplaced),
    };

    private static IEnumerable<ProcessTypeReport> Sorted(ProcessReport report) =>
        report.Processes.OrderBy(process => process.Process, StringComparer.Ordinal);

    private static IReadOnlyList<string> Row(ProcessTypeReport process) =>
    [
        process.Process,
        process.Command.Length == 0 ? "(image command)" : process.Command,
        Formatting.Number(process.Quantity),
        Formatting.Number(process.Running),
        Formatting.Memory(process.MemoryMb),
        Formatting.Labels(process.Constraints),
        Formatting.Number(process.MaxParallel),
        $"{Formatting.Number(process.StopTimeoutSeconds)}s",
    ];

    private static JsonObject Json(ProcessTypeReport process) => new()
    {
        ["process"] = process.Process,
        ["command"] = process.Command,
        ["quantity"] = process.Quantity,
        ["running"] = process.Running,
        ["memory_mb"] = process.MemoryMb,
        ["constraints"] = JsonText.Strings(process.Constraints),
        ["max_parallel"] = process.MaxParallel,
        ["stop_timeout_seconds"] = process.StopTimeoutSeconds,
    };
}
