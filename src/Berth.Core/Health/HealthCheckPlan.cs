using Berth.Core.Processes;

namespace Berth.Core.Health;

/// <summary>
/// What a deploy checks before a new instance of a process type serves and the instance it replaces
/// stops: the checks to run, where they come from, and the mode the <c>checks:*</c> commands set.
/// </summary>
/// <param name="Process">The process type the plan is for.</param>
/// <param name="Mode">Whether checks run, and whether old and new instances overlap.</param>
/// <param name="Source">Where <paramref name="Checks"/> come from.</param>
/// <param name="Checks">
/// The startup checks to run against each new instance, in order, with the overrides applied; every one
/// must pass, or be a warning. Empty when the mode is not <see cref="HealthCheckMode.Enabled"/>.
/// </param>
public sealed record HealthCheckPlan(
    string Process,
    HealthCheckMode Mode,
    HealthCheckSource Source,
    IReadOnlyList<HealthCheck> Checks)
{
    /// <summary>
    /// True when old instances stop before their replacements start (<c>checks:disable</c>); else the
    /// rollout keeps each old instance until its replacement is ready.
    /// </summary>
    public bool StopsOldFirst => Mode == HealthCheckMode.Disabled;

    /// <summary>Resolves the plan of one process type.</summary>
    /// <remarks>
    /// Precedence, first match wins:
    /// <list type="number">
    /// <item>a mode of <see cref="HealthCheckMode.Skipped"/> or <see cref="HealthCheckMode.Disabled"/>:
    /// no check, whatever app.json or CHECKS say;</item>
    /// <item>the process type's startup checks in app.json's <c>healthchecks</c> (its liveness and
    /// readiness checks never gate a deploy, so a type with only those falls through);</item>
    /// <item>for <c>web</c> only, the checks of the CHECKS file;</item>
    /// <item>Berth's default, <see cref="HealthCheckDefaults.ChecksFor"/>: for <c>web</c>, its port
    /// accepts connections, then, for every type, the instance stays up for the settle time.</item>
    /// </list>
    /// Then the <c>checks:set</c> settings in <paramref name="overrides"/> replace the wait, timeout and
    /// attempts of every chosen check, the default checks included.
    /// </remarks>
    /// <param name="process">The process type.</param>
    /// <param name="appJsonChecks">app.json's <c>healthchecks</c>, process type to its checks.</param>
    /// <param name="checksFile">The checks of the CHECKS file, empty when there is none.</param>
    /// <param name="overrides">What the <c>checks:*</c> commands set for this process type.</param>
    public static HealthCheckPlan For(
        string process,
        IReadOnlyDictionary<string, IReadOnlyList<HealthCheck>> appJsonChecks,
        IReadOnlyList<HealthCheck> checksFile,
        HealthCheckOverrides overrides)
    {
        ArgumentException.ThrowIfNullOrEmpty(process);

        if (overrides.Mode != HealthCheckMode.Enabled)
        {
            return new HealthCheckPlan(process, overrides.Mode, HealthCheckSource.None, []);
        }

        var (source, checks) = Choose(process, appJsonChecks, checksFile);
        return new HealthCheckPlan(process, overrides.Mode, source, checks.Select(overrides.ApplyTo).ToList());
    }

    private static (HealthCheckSource Source, IReadOnlyList<HealthCheck> Checks) Choose(
        string process,
        IReadOnlyDictionary<string, IReadOnlyList<HealthCheck>> appJsonChecks,
        IReadOnlyList<HealthCheck> checksFile)
    {
        var startup = appJsonChecks.TryGetValue(process, out var declared)
            ? declared.Where(check => check.Purpose == HealthCheckPurpose.Startup).ToList()
            : [];
        if (startup.Count > 0)
        {
            return (HealthCheckSource.AppJson, startup);
        }

        if (process == ProcessType.Web && checksFile.Count > 0)
        {
            return (HealthCheckSource.ChecksFile, checksFile);
        }

        return (HealthCheckSource.Default, HealthCheckDefaults.ChecksFor(process));
    }
}
