using Berth.Contracts;
using Berth.ControlPlane.Scheduling;
using Berth.ControlPlane.Store;
using Berth.Core.Health;

namespace Berth.ControlPlane.Api;

/// <summary>Turns a process type's health check plan and settings into the checks:report messages.</summary>
internal static class ChecksReports
{
    /// <summary>The report of one process type.</summary>
    public static ProcessChecks ForProcess(HealthCheckPlan plan, ProcessSettings settings)
    {
        var overrides = settings.Checks;
        var report = new ProcessChecks
        {
            Process = settings.Process,
            Mode = HealthCheckModeNames.Format(plan.Mode),
            Source = SourceName(plan.Source),
            WaitSeconds = Seconds(overrides.Wait),
            TimeoutSeconds = Seconds(overrides.Timeout),
            Attempts = overrides.Attempts ?? 0,
        };
        report.Checks.Add(plan.Checks.Select(ToInfo));
        return report;
    }

    /// <summary>The word the API uses for <paramref name="source"/>: app.json, CHECKS, default or none.</summary>
    public static string SourceName(HealthCheckSource source) => source switch
    {
        HealthCheckSource.AppJson => Core.AppJson.AppJsonParser.FileName,
        HealthCheckSource.ChecksFile => ChecksFile.FileName,
        HealthCheckSource.Default => "default",
        _ => "none",
    };

    private static CheckInfo ToInfo(HealthCheck check) => new()
    {
        Name = check.Name,
        Kind = HealthCheckSpecs.KindName(check.Kind),
        Target = HealthCheckDescription.Target(check),
        Attempts = check.Attempts,
        TimeoutSeconds = (int)check.Timeout.TotalSeconds,
        WaitSeconds = (int)check.Wait.TotalSeconds,
        InitialDelaySeconds = (int)check.InitialDelay.TotalSeconds,
        Warn = check.Warn,
    };

    private static int Seconds(TimeSpan? value) => value is { } span ? (int)span.TotalSeconds : 0;
}
