using Berth.Contracts;

namespace Berth.Agent.Tests.Health;

/// <summary>Startup check specs as the control plane sends them, for the health tests.</summary>
internal static class Specs
{
    /// <summary>An HTTP check of <paramref name="path"/>: 3 attempts, 5 s timeout, 1 s wait.</summary>
    public static HealthCheckSpec Http(string name, string path) => new()
    {
        Name = name,
        Kind = "http",
        Path = path,
        Attempts = 3,
        TimeoutMs = 5000,
        WaitMs = 1000,
    };

    /// <summary>A listening check of the instance's PORT: 3 attempts, 1 s timeout, 1 s wait.</summary>
    public static HealthCheckSpec Listening(string name) => new()
    {
        Name = name,
        Kind = "listening",
        Attempts = 3,
        TimeoutMs = 1000,
        WaitMs = 1000,
    };

    /// <summary>An uptime check of <paramref name="uptimeMs"/>.</summary>
    public static HealthCheckSpec Uptime(string name, int uptimeMs) => new()
    {
        Name = name,
        Kind = "uptime",
        UptimeMs = uptimeMs,
        Attempts = 1,
    };
}
