using System.Globalization;

namespace Berth.Core.Health;

/// <summary>Describes what a health check looks at in a few words, for reports and deploy output.</summary>
public static class HealthCheckDescription
{
    /// <summary>
    /// What <paramref name="check"/> looks at, e.g. <c>GET /health contains 'ok'</c>,
    /// <c>PORT accepts connections</c>, <c>port 5000 accepts connections</c>, <c>up 10s</c> or the
    /// command it runs.
    /// </summary>
    public static string Target(HealthCheck check) => check.Kind switch
    {
        HealthCheckKind.Http => Http(check),
        HealthCheckKind.Command => "runs " + string.Join(' ', check.Command ?? []),
        HealthCheckKind.Uptime => $"up {Seconds(check.Uptime ?? TimeSpan.Zero)} without restarting",
        _ => $"{Port(check)} accepts connections",
    };

    /// <summary>A duration as whole seconds with a unit, e.g. <c>10s</c>.</summary>
    public static string Seconds(TimeSpan span) =>
        ((int)span.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s";

    private static string Http(HealthCheck check)
    {
        var text = $"GET {check.Path}";
        if (check.Port is not null || check.Scheme == HealthCheckScheme.Https)
        {
            text += $" on {Port(check)}";
        }

        if (check.Scheme == HealthCheckScheme.Https)
        {
            text += " over https";
        }

        var host = check.HttpHeaders.FirstOrDefault(h => h.Name.Equals("Host", StringComparison.OrdinalIgnoreCase));
        if (host is not null)
        {
            text += $" with Host {host.Value}";
        }

        return check.Content is null ? text : $"{text} contains '{check.Content}'";
    }

    private static string Port(HealthCheck check) =>
        check.Port is { } port ? "port " + port.ToString(CultureInfo.InvariantCulture) : "PORT";
}
