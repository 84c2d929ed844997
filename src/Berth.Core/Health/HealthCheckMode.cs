namespace Berth.Core.Health;

/// <summary>How a deploy treats a process type's health checks, as the <c>checks:*</c> commands set it.</summary>
public enum HealthCheckMode
{
    /// <summary>New instances must pass their checks before the instances they replace stop (the default).</summary>
    Enabled,

    /// <summary>
    /// <c>checks:skip</c>: no check runs; a new instance counts as ready once it runs, and the instance it
    /// replaces stops then, so the rollout still overlaps old and new.
    /// </summary>
    Skipped,

    /// <summary>
    /// <c>checks:disable</c>: no check runs, and old instances stop before their replacements start, so
    /// the process type is down for a moment on every deploy.
    /// </summary>
    Disabled,
}
