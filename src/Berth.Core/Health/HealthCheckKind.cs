namespace Berth.Core.Health;

/// <summary>What a health check looks at in a new instance.</summary>
public enum HealthCheckKind
{
    /// <summary>
    /// An HTTP GET of <see cref="HealthCheck.Path"/> must answer with a status below 400 and, when
    /// <see cref="HealthCheck.Content"/> is set, a body that contains it.
    /// </summary>
    Http,

    /// <summary><see cref="HealthCheck.Command"/>, run inside the instance, must exit with status 0.</summary>
    Command,

    /// <summary>
    /// The instance must have been running for <see cref="HealthCheck.Uptime"/> since it started,
    /// without restarting.
    /// </summary>
    Uptime,

    /// <summary>The instance must accept TCP connections on its port.</summary>
    Listening,
}
