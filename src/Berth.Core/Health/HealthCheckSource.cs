namespace Berth.Core.Health;

/// <summary>Where the checks of a <see cref="HealthCheckPlan"/> come from.</summary>
public enum HealthCheckSource
{
    /// <summary>
    /// No check runs: the mode is <see cref="HealthCheckMode.Skipped"/> or <see cref="HealthCheckMode.Disabled"/>.
    /// </summary>
    None,

    /// <summary>The startup checks of app.json's <c>healthchecks</c> section for the process type.</summary>
    AppJson,

    /// <summary>The legacy <c>CHECKS</c> file (web only).</summary>
    ChecksFile,

    /// <summary>Berth's default checks, from <see cref="HealthCheckDefaults.ChecksFor"/>.</summary>
    Default,
}
