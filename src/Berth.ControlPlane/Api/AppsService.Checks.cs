using Berth.Contracts;
using Berth.ControlPlane.Scheduling;
using Berth.ControlPlane.Store;
using Berth.Core.Health;
using Grpc.Core;

namespace Berth.ControlPlane.Api;

/// <summary>The health check part of the app API: checks:report, checks:set, checks:skip/disable/enable.</summary>
public sealed partial class AppsService
{
    /// <inheritdoc />
    public override async Task<ChecksReport> GetChecks(AppRequest request, ServerCallContext context)
    {
        var app = await RequireAppAsync(request.App, context.CancellationToken);
        return await ChecksReportAsync(app, context.CancellationToken);
    }

    /// <inheritdoc />
    public override async Task<ChecksReport> SetChecks(SetChecksRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var app = await RequireAppAsync(request.App, ct);
        var formation = await store.GetProcessSettingsAsync(app.Name, ct);
        var targets = ChecksTargets(app.Name, request.Process, formation);
        var errors = ChecksOptions.Validate(request);
        if (targets.Error is not null)
        {
            errors.Insert(0, targets.Error);
        }

        if (errors.Count > 0)
        {
            throw ApiErrors.Invalid(errors);
        }

        if (targets.Settings.Count == 0)
        {
            throw ApiErrors.Precondition(
                $"'{app.Name}' has no process types yet; deploy it first (git push berth main), then set its checks");
        }

        foreach (var settings in targets.Settings)
        {
            var checks = ChecksOptions.Apply(settings.Checks, request);
            await store.SetProcessSettingsAsync(app.Name, settings with { Checks = checks }, ct);
            Log.ChecksChanged(logger, app.Name, settings.Process, HealthCheckModeNames.Format(checks.Mode));
        }

        trigger.Kick();
        return await ChecksReportAsync(app, ct);
    }

    /// <summary>
    /// The process types a checks:* request is for: the one named, or every type when none is;
    /// an error sentence when the named type is not in the formation.
    /// </summary>
    private static (IReadOnlyList<ProcessSettings> Settings, string? Error) ChecksTargets(
        string app,
        string process,
        IReadOnlyList<ProcessSettings> formation)
    {
        if (process.Length == 0)
        {
            return (formation, null);
        }

        var named = formation.Where(p => p.Process == process).ToList();
        return named.Count > 0
            ? (named, null)
            : ([], $"the app '{app}' has no process type '{process}'; `berth ps:report {app}` lists them.");
    }

    private async Task<ChecksReport> ChecksReportAsync(AppRecord app, CancellationToken ct)
    {
        var report = new ChecksReport { App = app.Name };
        var releases = new Dictionary<int, ReleaseChecks>();
        foreach (var settings in await store.GetProcessSettingsAsync(app.Name, ct))
        {
            var number = settings.ReleaseOf(app.CurrentRelease);
            if (!releases.TryGetValue(number, out var checks))
            {
                checks = releases[number] = await ReleaseChecksAsync(app.Name, number, ct);
            }

            report.Processes.Add(ChecksReports.ForProcess(checks.PlanFor(settings.Process, settings.Checks), settings));
        }

        return report;
    }

    /// <summary>
    /// The checks release <paramref name="number"/> was deployed with; none before the first
    /// deploy, or when its stored texts do not parse (the reconciler logs that).
    /// </summary>
    private async Task<ReleaseChecks> ReleaseChecksAsync(string app, int number, CancellationToken ct)
    {
        var release = number > 0 ? await store.GetReleaseAsync(app, number, ct) : null;
        var checks = release is null ? null : ReleaseChecks.Read(release.Sources);
        return checks is { IsValid: true } ? checks.Value! : ReleaseChecks.None;
    }
}
