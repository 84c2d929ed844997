using System.Text.Json.Nodes;
using Berth.Cli.Output;
using Berth.Contracts;

namespace Berth.Cli.Commands;

/// <summary>
/// How the <c>checks:*</c> commands show a <see cref="ChecksReport"/>: a table of the process types
/// with their mode, where their checks come from and the checks:set values, then a table of the
/// checks each type's release runs; or one JSON object.
/// </summary>
internal static class ChecksReportView
{
    /// <summary>The columns of the process type table.</summary>
    public static IReadOnlyList<string> TypeColumns { get; } = ["type", "mode", "source", "checks:set"];

    /// <summary>The columns of the check table.</summary>
    public static IReadOnlyList<string> CheckColumns { get; } =
        ["type", "check", "kind", "target", "attempts", "timeout", "wait", "delay", "on failure"];

    /// <summary>Writes <paramref name="report"/> as text or JSON.</summary>
    public static void Write(IConsoleOutput output, ChecksReport report, string format)
    {
        if (format == OutputFormat.Json)
        {
            JsonText.Write(output, Json(report));
            return;
        }

        Formatting.Heading(output, $"{report.App} checks");
        if (report.Processes.Count == 0)
        {
            output.WriteLine("No process types yet; they come with the first deploy (git push).");
            return;
        }

        output.WriteTable(TypeColumns, Sorted(report).Select(TypeRow).ToList());
        var checks = Sorted(report).SelectMany(p => p.Checks.Select(c => CheckRow(p.Process, c))).ToList();
        if (checks.Count > 0)
        {
            output.WriteTable(CheckColumns, checks);
        }
    }

    /// <summary>Writes what a change did (in text only), then the report.</summary>
    public static void WriteChange(IConsoleOutput output, ChecksReport report, string done, string format)
    {
        if (format != OutputFormat.Json)
        {
            output.WriteLine(done);
        }

        Write(output, report, format);
    }

    /// <summary>The whole report as JSON, process types sorted by name.</summary>
    public static JsonObject Json(ChecksReport report) => new()
    {
        ["app"] = report.App,
        ["processes"] = new JsonArray([.. Sorted(report).Select(Json)]),
    };

    /// <summary>The checks:set values of a type as <c>wait=5s attempts=3</c>, or <c>none</c>.</summary>
    public static string Overrides(ProcessChecks process)
    {
        var parts = new List<string>();
        if (process.WaitSeconds > 0)
        {
            parts.Add($"wait={Seconds(process.WaitSeconds)}");
        }

        if (process.TimeoutSeconds > 0)
        {
            parts.Add($"timeout={Seconds(process.TimeoutSeconds)}");
        }

        if (process.Attempts > 0)
        {
            parts.Add($"attempts={Formatting.Number(process.Attempts)}");
        }

        return parts.Count == 0 ? "none" : string.Join(' ', parts);
    }

    private static IEnumerable<ProcessChecks> Sorted(ChecksReport report) =>
        report.Processes.OrderBy(process => process.Process, StringComparer.Ordinal);

    private static IReadOnlyList<string> TypeRow(ProcessChecks process) =>
        [process.Process, process.Mode, process.Source, Overrides(process)];

    private static IReadOnlyList<string> CheckRow(string process, CheckInfo check) =>
    [
        process,
        check.Name,
        check.Kind,
        check.Target,
        Formatting.Number(check.Attempts),
        Seconds(check.TimeoutSeconds),
        Seconds(check.WaitSeconds),
        Seconds(check.InitialDelaySeconds),
        check.Warn ? "warn" : "fail",
    ];

    private static string Seconds(int seconds) => $"{Formatting.Number(seconds)}s";

    private static JsonObject Json(ProcessChecks process) => new()
    {
        ["process"] = process.Process,
        ["mode"] = process.Mode,
        ["source"] = process.Source,
        ["wait_seconds"] = process.WaitSeconds,
        ["timeout_seconds"] = process.TimeoutSeconds,
        ["attempts"] = process.Attempts,
        ["checks"] = new JsonArray([.. process.Checks.Select(Json)]),
    };

    private static JsonObject Json(CheckInfo check) => new()
    {
        ["name"] = check.Name,
        ["kind"] = check.Kind,
        ["target"] = check.Target,
        ["attempts"] = check.Attempts,
        ["timeout_seconds"] = check.TimeoutSeconds,
        ["wait_seconds"] = check.WaitSeconds,
        ["initial_delay_seconds"] = check.InitialDelaySeconds,
        ["warn"] = check.Warn,
    };
}
