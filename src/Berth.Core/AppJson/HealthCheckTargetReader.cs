using System.Text.Json;
using Berth.Core.Health;
using Berth.Core.Processes;

namespace Berth.Core.AppJson;

/// <summary>
/// Reads what one app.json check looks at: exactly one of <c>path</c> (HTTP, with <c>content</c>,
/// <c>scheme</c> and <c>httpHeaders</c>), <c>command</c>, <c>uptime</c> or <c>"listening": true</c>,
/// and the <c>port</c> of HTTP and listening checks.
/// </summary>
/// <remarks>
/// Every key given is checked for its shape, but keys that do not apply to the check's kind (such as
/// <c>content</c> on an uptime check, or <c>port</c> on a command check) are then dropped, as Dokku
/// ignores them. <c>"listening": false</c> counts as absent.
/// </remarks>
internal static class HealthCheckTargetReader
{
    private static readonly string[] TargetKeys = ["path", "command", "uptime", "listening"];

    /// <summary>The check with its name, kind and the fields of its kind, or null when anything is wrong.</summary>
    public static HealthCheck? Read(
        JsonElement value,
        string path,
        string type,
        string name,
        ICollection<string> errors)
    {
        var errorsBefore = errors.Count;
        var httpPath = ReadPath(value, path, errors);
        var command = HealthCheckCommandReader.Read(value, path, errors);
        var uptime = JsonValues.ReadWholeNumber(
            value, path, "uptime", HealthCheckLimits.MinSeconds, HealthCheckLimits.MaxSeconds, errors);

        // Only checked for its shape here: ChooseKind reads whether it is true.
        JsonValues.ReadBoolean(value, path, "listening", errors);
        var port = JsonValues.ReadWholeNumber(
            value, path, "port", HealthCheckLimits.MinPort, HealthCheckLimits.MaxPort, errors);
        var http = HttpCheckReader.Read(value, path, errors);

        var kind = ChooseKind(value, path, errors);
        if (kind is not null)
        {
            RequirePort(kind.Value, port, type, path, errors);
        }

        if (kind is null || errors.Count > errorsBefore)
        {
            return null;
        }

        return kind switch
        {
            HealthCheckKind.Http => HealthCheck.ForPath(name, httpPath!) with
            {
                Scheme = http.Scheme,
                Content = http.Content,
                HttpHeaders = http.Headers,
                Port = port,
            },
            HealthCheckKind.Command => HealthCheck.ForCommand(name, command!),
            HealthCheckKind.Uptime => HealthCheck.ForUptime(name, TimeSpan.FromSeconds(uptime!.Value)),
            _ => HealthCheck.ForListening(name, port),
        };
    }

    private static string? ReadPath(JsonElement value, string path, ICollection<string> errors)
    {
        var text = JsonValues.ReadString(value, path, "path", errors);
        if (text is null)
        {
            return null;
        }

        if (!text.StartsWith('/'))
        {
            errors.Add($"app.json {path}.path must start with '/', e.g. \"/health\"; it is \"{text}\".");
            return null;
        }

        if (text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            errors.Add(
                $"app.json {path}.path must not contain spaces or control characters; write a space as %20.");
            return null;
        }

        return text;
    }

    /// <summary>The kind the check's keys choose, or null and an error when they choose none or several.</summary>
    private static HealthCheckKind? ChooseKind(JsonElement value, string path, ICollection<string> errors)
    {
        var given = TargetKeys.Where(key => IsGiven(value, key)).ToList();
        if (given.Count == 1)
        {
            return given[0] switch
            {
                "path" => HealthCheckKind.Http,
                "command" => HealthCheckKind.Command,
                "uptime" => HealthCheckKind.Uptime,
                _ => HealthCheckKind.Listening,
            };
        }

        errors.Add(given.Count == 0
            ? $"app.json {path} says nothing to check; give one of path, command, uptime or \"listening\": true, "
                + "e.g. { \"path\": \"/health\" }."
            : $"app.json {path} gives {JoinNames(given)}; a check does one thing, so keep one of them "
                + "or write one check for each.");
        return null;
    }

    private static bool IsGiven(JsonElement value, string key) =>
        key == "listening"
            ? value.TryGetProperty(key, out var listening) && listening.ValueKind == JsonValueKind.True
            : JsonValues.TryGet(value, key, out _);

    private static string JoinNames(List<string> names) =>
        names.Count == 2
            ? $"both {names[0]} and {names[1]}"
            : $"{string.Join(", ", names[..^1])} and {names[^1]}";

    /// <summary>
    /// Adds an error when an HTTP or listening check of a process type other than web, which has no
    /// PORT, gives no port.
    /// </summary>
    private static void RequirePort(
        HealthCheckKind kind,
        int? port,
        string type,
        string path,
        ICollection<string> errors)
    {
        if (kind is not (HealthCheckKind.Http or HealthCheckKind.Listening) || port is not null
            || type == ProcessType.Web)
        {
            return;
        }

        var what = kind == HealthCheckKind.Http ? "an HTTP path" : "that a port is listening";
        errors.Add(
            $"app.json {path} checks {what} but gives no port, and only web instances get a PORT; "
            + $"add \"port\" with the port the {type} process listens on.");
    }
}
