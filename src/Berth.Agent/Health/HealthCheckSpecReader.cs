using Berth.Contracts;
using Berth.Core.Health;

namespace Berth.Agent.Health;

/// <summary>
/// Turns the startup checks of an assignment, as the control plane sent them, into Berth's
/// health checks. Pure. The control plane validates app.json and fills the defaults, so bad data
/// here is a bug or a version mismatch: it becomes one failure reason, never an exception.
/// </summary>
internal static class HealthCheckSpecReader
{
    /// <summary>The checks in order, or the reason the first bad one cannot run.</summary>
    /// <param name="specs">The checks as received.</param>
    /// <param name="instancePort">The instance's PORT; 0 when it has none (only web instances listen).</param>
    public static (IReadOnlyList<HealthCheck> Checks, string? Error) Read(
        IReadOnlyList<HealthCheckSpec> specs,
        int instancePort)
    {
        var checks = new List<HealthCheck>(specs.Count);

        for (var position = 0; position < specs.Count; position++)
        {
            var (check, error) = Read(specs[position], position, instancePort);
            if (check is null)
            {
                return ([], error);
            }

            checks.Add(check);
        }

        return (checks, null);
    }

    /// <summary>One check, or the reason it cannot run; <paramref name="position"/> names unnamed checks.</summary>
    public static (HealthCheck? Check, string? Error) Read(HealthCheckSpec spec, int position, int instancePort)
    {
        var name = spec.Name.Length > 0 ? spec.Name : $"#{position + 1}";
        var problem = Problem(spec, instancePort);
        if (problem is not null)
        {
            return (null, $"startup check '{name}' cannot run: {problem}; fix it in app.json (healthchecks) "
                + "or the CHECKS file and deploy again");
        }

        var check = new HealthCheck
        {
            Name = name,
            Kind = Kind(spec.Kind)!.Value,
            Path = spec.Path.Length > 0 ? spec.Path : null,
            Content = spec.Content.Length > 0 ? spec.Content : null,
            Scheme = Scheme(spec.Scheme)!.Value,
            HttpHeaders = [.. spec.Headers.Select(header => new HttpHeader(header.Name, header.Value))],
            Command = spec.Command.Count > 0 ? [.. spec.Command] : null,
            Uptime = spec.UptimeMs > 0 ? TimeSpan.FromMilliseconds(spec.UptimeMs) : null,
            Port = spec.Port > 0 ? spec.Port : null,
            Attempts = spec.Attempts,
            Timeout = TimeSpan.FromMilliseconds(spec.TimeoutMs),
            Wait = TimeSpan.FromMilliseconds(spec.WaitMs),
            InitialDelay = TimeSpan.FromMilliseconds(spec.InitialDelayMs),
            Warn = spec.Warn,
        };

        return (check, null);
    }

    /// <summary>What is wrong with <paramref name="spec"/>; null when it can run.</summary>
    private static string? Problem(HealthCheckSpec spec, int instancePort)
    {
        var kind = Kind(spec.Kind);

        return (kind, spec) switch
        {
            (null, _) => $"its kind '{spec.Kind}' is not one of http, command, uptime, listening",
            (_, { Attempts: < 1 }) => $"it has {spec.Attempts} attempts, and needs at least 1",
            (_, { TimeoutMs: < 1 }) when kind != HealthCheckKind.Uptime =>
                $"its timeout is {spec.TimeoutMs} ms, and must be above 0",
            (_, { WaitMs: < 0 }) => $"its wait is {spec.WaitMs} ms, and must not be negative",
            (_, { InitialDelayMs: < 0 }) => $"its initial delay is {spec.InitialDelayMs} ms, and must not be negative",
            (_, { Port: < 0 or > 65535 }) => $"its port {spec.Port} is not between 1 and 65535",
            (HealthCheckKind.Http or HealthCheckKind.Listening, { Port: 0 }) when instancePort <= 0 =>
                "it targets the instance's PORT, which only web instances have; give the check a port",
            (HealthCheckKind.Http, _) when !spec.Path.StartsWith('/') =>
                $"an http check needs a path starting with /, not '{spec.Path}'",
            (HealthCheckKind.Http, _) when Scheme(spec.Scheme) is null =>
                $"its scheme '{spec.Scheme}' is not http or https",
            (HealthCheckKind.Http, _) when spec.Headers.Any(header => header.Name.Length == 0) =>
                "one of its headers has no name",
            (HealthCheckKind.Command, _) when spec.Command.Count == 0 || spec.Command[0].Length == 0 =>
                "a command check needs a command to run",
            (HealthCheckKind.Uptime, { UptimeMs: < 1 }) =>
                $"an uptime check needs an uptime above 0, not {spec.UptimeMs} ms",
            _ => null,
        };
    }

    private static HealthCheckKind? Kind(string kind) => kind switch
    {
        "http" => HealthCheckKind.Http,
        "command" => HealthCheckKind.Command,
        "uptime" => HealthCheckKind.Uptime,
        "listening" => HealthCheckKind.Listening,
        _ => null,
    };

    private static HealthCheckScheme? Scheme(string scheme) => scheme switch
    {
        "" or "http" => HealthCheckScheme.Http,
        "https" => HealthCheckScheme.Https,
        _ => null,
    };
}
