using Berth.Contracts;
using Berth.Core.Health;

namespace Berth.ControlPlane.Scheduling;

/// <summary>Turns Berth's health checks into the <see cref="HealthCheckSpec"/> messages agents run.</summary>
public static class HealthCheckSpecs
{
    /// <summary>The word the API uses for <paramref name="kind"/>: http, command, uptime or listening.</summary>
    public static string KindName(HealthCheckKind kind) => kind switch
    {
        HealthCheckKind.Command => "command",
        HealthCheckKind.Uptime => "uptime",
        HealthCheckKind.Listening => "listening",
        _ => "http",
    };

    /// <summary>The message for <paramref name="check"/>; fields another kind uses stay empty.</summary>
    public static HealthCheckSpec From(HealthCheck check)
    {
        var spec = new HealthCheckSpec
        {
            Name = check.Name,
            Kind = KindName(check.Kind),
            Path = check.Path ?? "",
            Content = check.Content ?? "",
            Scheme = check.Kind == HealthCheckKind.Http ? SchemeName(check.Scheme) : "",
            UptimeMs = Milliseconds(check.Uptime ?? TimeSpan.Zero),
            Port = check.Port ?? 0,
            Attempts = check.Attempts,
            TimeoutMs = Milliseconds(check.Timeout),
            WaitMs = Milliseconds(check.Wait),
            InitialDelayMs = Milliseconds(check.InitialDelay),
            Warn = check.Warn,
        };
        spec.Headers.Add(check.HttpHeaders.Select(h => new HttpHeaderSpec { Name = h.Name, Value = h.Value }));
        spec.Command.Add(check.Command ?? []);
        return spec;
    }

    private static string SchemeName(HealthCheckScheme scheme) =>
        scheme == HealthCheckScheme.Https ? "https" : "http";

    // Limits keep every duration within 600 s, far inside an int of milliseconds.
    private static int Milliseconds(TimeSpan span) => (int)span.TotalMilliseconds;
}
