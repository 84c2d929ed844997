using System.Globalization;
using System.Text.Json.Nodes;
using Berth.Contracts;

namespace Berth.Cli.Commands;

/// <summary>
/// How <c>ps</c> shows one instance: a table row with its restarts, its uptime and, for a
/// crashed instance, its exit code and when the node tries again; or a JSON object.
/// </summary>
internal static class InstanceView
{
    /// <summary>The state the agent gives an instance that exited and waits to be restarted.</summary>
    public const string CrashedState = "crashed";

    /// <summary>The columns of the <c>ps</c> table.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["instance", "node", "release", "state", "restarts", "uptime", "address", "message"];

    /// <summary>The table row of <paramref name="instance"/>, with times relative to <paramref name="now"/>.</summary>
    public static IReadOnlyList<string> Row(InstanceInfo instance, DateTimeOffset now) =>
    [
        instance.Name,
        instance.Node,
        Formatting.Release(instance.Release),
        State(instance, now),
        Formatting.Number(instance.Restarts),
        Uptime(instance, now),
        instance.Address,
        instance.Message,
    ];

    /// <summary>The state, e.g. <c>running</c> or <c>crashed (exit 3, retry in 4s)</c>.</summary>
    public static string State(InstanceInfo instance, DateTimeOffset now)
    {
        if (instance.State != CrashedState)
        {
            return instance.State;
        }

        var exit = $"exit {Formatting.Number(instance.ExitCode)}";
        if (ParseTime(instance.NextRestartAt) is not { } nextRestart)
        {
            return $"{CrashedState} ({exit})";
        }

        var wait = nextRestart - now;
        var retry = wait > TimeSpan.Zero
            ? $"retry in {Formatting.Duration(TimeSpan.FromSeconds(Math.Ceiling(wait.TotalSeconds)))}"
            : "retrying now";

        return $"{CrashedState} ({exit}, {retry})";
    }

    /// <summary>How long the instance has run, e.g. <c>3m</c>; empty when it is not running.</summary>
    public static string Uptime(InstanceInfo instance, DateTimeOffset now) =>
        ParseTime(instance.StartedAt) is { } started ? Formatting.Duration(now - started) : "";

    /// <summary>Every field of <paramref name="instance"/>; absent times are null.</summary>
    public static JsonObject Json(InstanceInfo instance) => new()
    {
        ["name"] = instance.Name,
        ["app"] = instance.App,
        ["process"] = instance.Process,
        ["index"] = instance.Index,
        ["release"] = instance.Release,
        ["node"] = instance.Node,
        ["state"] = instance.State,
        ["address"] = instance.Address,
        ["message"] = instance.Message,
        ["restarts"] = instance.Restarts,
        ["started_at"] = NullIfEmpty(instance.StartedAt),
        ["next_restart_at"] = NullIfEmpty(instance.NextRestartAt),
        ["exit_code"] = instance.ExitCode,
    };

    // Limitation: uptimes and restart countdowns compare the control plane's timestamps with this machine's
    // clock, so clock skew between the two shows in both (a start time in the future reads 0s).
    private static DateTimeOffset? ParseTime(string text)
    {
        const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out var time) ? time : null;
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
