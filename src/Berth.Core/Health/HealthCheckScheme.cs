namespace Berth.Core.Health;

/// <summary>The protocol an HTTP health check speaks to the instance.</summary>
public enum HealthCheckScheme
{
    /// <summary>Plain HTTP, the default.</summary>
    Http,

    /// <summary>HTTP over TLS.</summary>
    Https,
}
