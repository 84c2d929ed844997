namespace Berth.Core.Health;

/// <summary>
/// The ranges a health check's settings must lie in, wherever they are written: app.json, the CHECKS
/// file or <c>checks:set</c>. All durations are whole seconds.
/// </summary>
public static class HealthCheckLimits
{
    /// <summary>The fewest attempts a check may make.</summary>
    public const int MinAttempts = 1;

    /// <summary>The most attempts a check may make.</summary>
    public const int MaxAttempts = 100;

    /// <summary>The shortest timeout of one attempt, and the shortest wait between attempts.</summary>
    public const int MinSeconds = 1;

    /// <summary>The longest timeout of one attempt, wait between attempts, initial delay or uptime.</summary>
    public const int MaxSeconds = 600;

    /// <summary>The shortest initial delay: none.</summary>
    public const int MinInitialDelaySeconds = 0;

    /// <summary>The lowest port a check may target.</summary>
    public const int MinPort = 1;

    /// <summary>The highest port a check may target.</summary>
    public const int MaxPort = 65535;
}
