using Berth.Contracts;
using Berth.ControlPlane.Deployments;
using Berth.ControlPlane.Security;
using Berth.Core.Processes;
using Grpc.Core;

namespace Berth.ControlPlane.Api;

/// <summary>The process part of the app API: ps:stop, ps:start, ps:restart, ps:rebuild, ps:report, ps:set.</summary>
public sealed partial class AppsService
{
    /// <inheritdoc />
    public override async Task<ScaleResponse> GetFormation(AppRequest request, ServerCallContext context)
    {
        await RequireAppAsync(request.App, context.CancellationToken);
        var response = new ScaleResponse { App = request.App };
        response.Formation.Add(new Dictionary<string, int>(
            await store.GetFormationAsync(request.App, context.CancellationToken)));
        return response;
    }

    /// <inheritdoc />
    public override Task<ProcessReport> StopApp(AppRequest request, ServerCallContext context) =>
        SetStoppedAsync(request.App, true, context.CancellationToken);

    /// <inheritdoc />
    public override Task<ProcessReport> StartApp(AppRequest request, ServerCallContext context) =>
        SetStoppedAsync(request.App, false, context.CancellationToken);

    /// <inheritdoc />
    public override async Task<ProcessReport> RestartApp(ProcessRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        await RequireAppAsync(request.App, ct);
        var process = request.Process.Length == 0 ? null : request.Process;
        var settings = await store.GetProcessSettingsAsync(request.App, ct);
        if (process is not null && settings.All(p => p.Process != process))
        {
            throw ApiErrors.Invalid(
                $"the app '{request.App}' has no process type '{process}'; `berth ps:report {request.App}` lists them");
        }

        var result = await deployments.RestartAsync(
            request.App, process, Actor.Of(context), new LogOutput(logger, request.App), ct);
        return result.Succeeded ? await ReportAsync(request.App, ct) : throw ApiErrors.Precondition(result.Error);
    }

    /// <inheritdoc />
    public override async Task<ProcessReport> RebuildApp(AppRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var app = await RequireAppAsync(request.App, ct);
        var release = await store.GetReleaseAsync(app.Name, app.CurrentRelease, ct);
        if (release is null || release.GitRevision.Length == 0)
        {
            throw ApiErrors.Precondition(
                $"the app '{app.Name}' runs no release built from git to rebuild; push it with git push berth main");
        }

        var tar = await repositories.ArchiveAsync(app.Name, release.GitRevision, ct);
        var result = await deployments.DeployBuildAsync(
            app.Name, release.GitRevision, tar, Actor.Of(context), new LogOutput(logger, app.Name), ct);
        return result.Succeeded ? await ReportAsync(request.App, ct) : throw ApiErrors.Precondition(result.Error);
    }

    /// <inheritdoc />
    public override async Task<ProcessReport> GetProcessReport(AppRequest request, ServerCallContext context)
    {
        await RequireAppAsync(request.App, context.CancellationToken);
        return await ReportAsync(request.App, context.CancellationToken);
    }

    /// <inheritdoc />
    public override async Task<ProcessReport> SetProcessOptions(
        SetProcessOptionsRequest request,
        ServerCallContext context)
    {
        var ct = context.CancellationToken;
        await RequireAppAsync(request.App, ct);
        var settings = (await store.GetProcessSettingsAsync(request.App, ct))
            .FirstOrDefault(p => p.Process == request.Process);
        if (settings is null)
        {
            throw ApiErrors.Invalid(
                $"the app '{request.App}' has no process type '{request.Process}'; " +
                $"scale it first (`berth ps:scale {request.App} {request.Process}=0`) or check the Procfile");
        }

        var (changed, errors) = ProcessOptions.Apply(settings, request);
        if (errors.Count > 0)
        {
            throw ApiErrors.Invalid(errors);
        }

        await store.SetProcessSettingsAsync(request.App, changed, ct);
        var plan = await reconciler.ReconcileAsync(ct);
        var report = await ReportAsync(request.App, ct);
        report.Unplaced.Add(Unplaced(plan, request.App));
        return report;
    }

    private async Task<ProcessReport> SetStoppedAsync(string app, bool stopped, CancellationToken ct)
    {
        await RequireAppAsync(app, ct);
        await store.SetStoppedAsync(app, stopped, ct);
        var plan = await reconciler.ReconcileAsync(ct);
        var report = await ReportAsync(app, ct);
        report.Unplaced.Add(Unplaced(plan, app));
        return report;
    }

    private async Task<ProcessReport> ReportAsync(string app, CancellationToken ct)
    {
        var record = await RequireAppAsync(app, ct);
        var release = await store.GetReleaseAsync(app, record.CurrentRelease, ct);
        var assignments = (await store.ListAssignmentsAsync(ct)).Where(a => a.App == app).ToList();
        var report = new ProcessReport { App = app, Stopped = record.Stopped, CurrentRelease = record.CurrentRelease };
        foreach (var settings in await store.GetProcessSettingsAsync(app, ct))
        {
            var type = new ProcessTypeReport
            {
                Process = settings.Process,
                Command = release?.Processes.GetValueOrDefault(settings.Process) ?? "",
                Quantity = settings.Quantity,
                Running = assignments.Count(a => a.Process == settings.Process && agents.IsRunning(a)),
                MemoryMb = settings.MemoryMb,
                MaxParallel = settings.MaxParallel,
                StopTimeoutSeconds = settings.StopTimeoutSeconds,
            };
            type.Constraints.Add(new Dictionary<string, string>(settings.Constraints));
            report.Processes.Add(type);
        }

        return report;
    }

    private static IEnumerable<string> Unplaced(Core.Placement.PlacementPlan plan, string app) =>
        plan.Unplaced
            .Where(u => u.App == app)
            .Select(u => $"{InstanceName.Format(u.App, u.Process, u.Index)}: {u.Reason}");
}
