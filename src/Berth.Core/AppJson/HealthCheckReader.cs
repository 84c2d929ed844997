using System.Text.Json;
using Berth.Core.Health;

namespace Berth.Core.AppJson;

/// <summary>
/// Reads one check of app.json's <c>healthchecks.&lt;type&gt;</c> list: its name, <c>type</c>,
/// timing and <c>warn</c> here, what it checks in <see cref="HealthCheckTargetReader"/>. Unknown keys
/// (such as <c>description</c> or <c>onFailure</c>) are ignored.
/// </summary>
// Limitation: a check's onFailure hook (a command on the host, or a URL to POST to) is ignored, since Berth runs
// nothing of an app's on its own hosts; a failed check only fails the deploy.
internal static class HealthCheckReader
{
    private const string Example = "{ \"path\": \"/health\" }";

    /// <summary>
    /// The check at position <paramref name="index"/> of process type <paramref name="type"/>, or null
    /// when it has any error; every error is added to <paramref name="errors"/>.
    /// </summary>
    public static HealthCheck? Read(JsonElement value, string type, int index, ICollection<string> errors)
    {
        var path = $"{HealthChecksSection.Key}.{type}[{index}]";
        if (!JsonValues.RequireObject(value, path, Example, errors))
        {
            return null;
        }

        var errorsBefore = errors.Count;
        var name = JsonValues.ReadString(value, path, "name", errors);
        var purpose = ReadPurpose(value, path, errors);
        var target = HealthCheckTargetReader.Read(
            value, path, type, string.IsNullOrWhiteSpace(name) ? $"check-{index + 1}" : name, errors);
        var timing = ReadTiming(value, path, errors);
        var warn = JsonValues.ReadBoolean(value, path, "warn", errors) ?? false;

        if (target is null || errors.Count > errorsBefore)
        {
            return null;
        }

        return target with
        {
            Purpose = purpose,
            Attempts = timing.Attempts ?? target.Attempts,
            Timeout = timing.Timeout ?? target.Timeout,
            Wait = timing.Wait ?? target.Wait,
            InitialDelay = timing.InitialDelay ?? target.InitialDelay,
            Warn = warn,
        };
    }

    private static HealthCheckPurpose ReadPurpose(JsonElement value, string path, ICollection<string> errors)
    {
        var text = JsonValues.ReadString(value, path, "type", errors);
        switch (text)
        {
            case null or "startup":
                return HealthCheckPurpose.Startup;
            case "liveness":
                return HealthCheckPurpose.Liveness;
            case "readiness":
                return HealthCheckPurpose.Readiness;
            default:
                errors.Add($"app.json {path}.type must be startup, liveness or readiness; it is \"{text}\".");
                return HealthCheckPurpose.Startup;
        }
    }

    /// <summary>The timing the check gives; null for each setting it leaves out.</summary>
    private static (int? Attempts, TimeSpan? Timeout, TimeSpan? Wait, TimeSpan? InitialDelay) ReadTiming(
        JsonElement value,
        string path,
        ICollection<string> errors)
    {
        var attempts = JsonValues.ReadWholeNumber(
            value, path, "attempts", HealthCheckLimits.MinAttempts, HealthCheckLimits.MaxAttempts, errors);
        var timeout = ReadSeconds(value, path, "timeout", HealthCheckLimits.MinSeconds, errors);
        var wait = ReadSeconds(value, path, "wait", HealthCheckLimits.MinSeconds, errors);
        var initialDelay = ReadSeconds(value, path, "initialDelay", HealthCheckLimits.MinInitialDelaySeconds, errors);

        return (attempts, timeout, wait, initialDelay);
    }

    private static TimeSpan? ReadSeconds(
        JsonElement value,
        string path,
        string name,
        int minimum,
        ICollection<string> errors)
    {
        var seconds = JsonValues.ReadWholeNumber(value, path, name, minimum, HealthCheckLimits.MaxSeconds, errors);
        return seconds is { } whole ? TimeSpan.FromSeconds(whole) : null;
    }
}
