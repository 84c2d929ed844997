namespace Berth.Core.Health;

/// <summary>
/// What the <c>checks:*</c> commands say about one process type of an app: its mode, and the settings
/// <c>checks:set</c> imposes on every one of its checks. A null setting leaves each check's own value.
/// </summary>
/// <remarks>
/// The values are trusted: whoever accepts them from the user checks them against
/// <see cref="HealthCheckLimits"/> first.
/// </remarks>
public sealed record HealthCheckOverrides
{
    /// <summary>No override: checks enabled, each check's own settings.</summary>
    public static HealthCheckOverrides None { get; } = new();

    /// <summary>Whether checks run, and whether the rollout overlaps old and new instances.</summary>
    public HealthCheckMode Mode { get; init; } = HealthCheckMode.Enabled;

    /// <summary>The wait between attempts of every check, or null.</summary>
    public TimeSpan? Wait { get; init; }

    /// <summary>The timeout of one attempt of every check, or null.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>The number of attempts of every check, or null.</summary>
    public int? Attempts { get; init; }

    /// <summary><paramref name="check"/> with the settings this record sets in place of its own.</summary>
    public HealthCheck ApplyTo(HealthCheck check) => check with
    {
        Wait = Wait ?? check.Wait,
        Timeout = Timeout ?? check.Timeout,
        Attempts = Attempts ?? check.Attempts,
    };
}
