namespace Berth.Core.Health;

/// <summary>When a health check runs: app.json's <c>type</c> of a check.</summary>
public enum HealthCheckPurpose
{
    /// <summary>
    /// Runs once when an instance starts; a deploy waits for it before the instance serves and the
    /// instance it replaces stops. The default.
    /// </summary>
    Startup,

    /// <summary>Runs while the instance serves, to tell whether it must be restarted.</summary>
    Liveness,

    /// <summary>Runs while the instance serves, to tell whether it may receive requests.</summary>
    Readiness,
}
