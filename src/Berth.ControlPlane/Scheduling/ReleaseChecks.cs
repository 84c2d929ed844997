using Berth.ControlPlane.Store;
using Berth.Core.AppJson;
using Berth.Core.Health;
using Berth.Core.Validation;

namespace Berth.ControlPlane.Scheduling;

/// <summary>
/// The health checks a release was deployed with, read from the app.json and CHECKS texts it
/// keeps: what <see cref="HealthCheckPlan.For"/> chooses from for each of its process types.
/// </summary>
/// <param name="AppJson">app.json's <c>healthchecks</c>, process type to its checks.</param>
/// <param name="ChecksFile">The checks of the CHECKS file; empty when there is none.</param>
public sealed record ReleaseChecks(
    IReadOnlyDictionary<string, IReadOnlyList<HealthCheck>> AppJson,
    IReadOnlyList<HealthCheck> ChecksFile)
{
    /// <summary>A release without app.json or CHECKS checks: every type gets Berth's defaults.</summary>
    public static ReleaseChecks None { get; } = new(new Dictionary<string, IReadOnlyList<HealthCheck>>(), []);

    /// <summary>
    /// Reads the texts a release keeps; an empty text stands for no file. Every error of both files
    /// when either does not parse.
    /// </summary>
    public static ValidationResult<ReleaseChecks> Read(ReleaseSources sources)
    {
        var errors = new List<string>();
        var appJson = None.AppJson;
        if (sources.AppJson.Length > 0)
        {
            var manifest = AppJsonParser.Parse(sources.AppJson);
            errors.AddRange(manifest.Errors);
            appJson = manifest.Value?.HealthChecks ?? appJson;
        }

        var checksFile = None.ChecksFile;
        if (sources.ChecksFile.Length > 0)
        {
            var parsed = Core.Health.ChecksFile.Parse(sources.ChecksFile);
            errors.AddRange(parsed.Errors);
            checksFile = parsed.Value ?? checksFile;
        }

        return errors.Count > 0
            ? ValidationResult<ReleaseChecks>.Fail(errors)
            : ValidationResult<ReleaseChecks>.Ok(new ReleaseChecks(appJson, checksFile));
    }

    /// <summary>
    /// The plan of <paramref name="process"/> under the <c>checks:*</c> settings in <paramref name="overrides"/>.
    /// </summary>
    public HealthCheckPlan PlanFor(string process, HealthCheckOverrides overrides) =>
        HealthCheckPlan.For(process, AppJson, ChecksFile, overrides);
}
