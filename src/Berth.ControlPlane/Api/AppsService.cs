using System.Globalization;
using Berth.Contracts;
using Berth.ControlPlane.Agents;
using Berth.ControlPlane.Deployments;
using Berth.ControlPlane.Git;
using Berth.ControlPlane.Scheduling;
using Berth.ControlPlane.Security;
using Berth.ControlPlane.Store;
using Berth.Core.Apps;
using Berth.Core.Config;
using Berth.Core.Domains;
using Berth.Core.Processes;
using Grpc.Core;

namespace Berth.ControlPlane.Api;

/// <summary>The app part of the API: apps, config, domains, instances and scale.</summary>
public sealed partial class AppsService(
    IClusterStore store,
    GitRepositories repositories,
    ClusterReconciler reconciler,
    ReconcileTrigger trigger,
    DeploymentRunner deployments,
    AgentRegistry agents,
    ControlPlaneOptions options,
    TimeProvider time,
    ILogger<AppsService> logger) : Apps.AppsBase
{
    /// <inheritdoc />
    public override async Task<AppInfo> CreateApp(AppRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var name = AppName.Validate(request.App);
        if (!name.IsValid)
        {
            throw ApiErrors.Invalid(name.Errors);
        }

        if (!await store.CreateAppAsync(new AppRecord(request.App, time.GetUtcNow(), 0), ct))
        {
            throw ApiErrors.Exists($"an app named '{request.App}' already exists; choose another name");
        }

        try
        {
            await repositories.EnsureAsync(request.App, ct);
        }
        catch
        {
            await store.DeleteAppAsync(request.App, CancellationToken.None);
            throw;
        }

        Log.AppCreated(logger, request.App);
        trigger.Kick();
        return await InfoAsync(await RequireAppAsync(request.App, ct), ct);
    }

    /// <inheritdoc />
    public override async Task<ListAppsResponse> ListApps(ListAppsRequest request, ServerCallContext context)
    {
        var response = new ListAppsResponse();
        foreach (var app in await store.ListAppsAsync(context.CancellationToken))
        {
            response.Apps.Add(await InfoAsync(app, context.CancellationToken));
        }

        return response;
    }

    /// <inheritdoc />
    public override async Task<AppInfo> GetApp(AppRequest request, ServerCallContext context) =>
        await InfoAsync(await RequireAppAsync(request.App, context.CancellationToken), context.CancellationToken);

    /// <inheritdoc />
    public override async Task<DestroyAppResponse> DestroyApp(AppRequest request, ServerCallContext context)
    {
        await RequireAppAsync(request.App, context.CancellationToken);
        await store.DeleteAppAsync(request.App, context.CancellationToken);
        repositories.Delete(request.App);
        Log.AppDestroyed(logger, request.App);
        await reconciler.ReconcileAsync(context.CancellationToken);
        return new DestroyAppResponse();
    }

    /// <inheritdoc />
    public override async Task<ConfigResponse> GetConfig(AppRequest request, ServerCallContext context)
    {
        await RequireAppAsync(request.App, context.CancellationToken);
        var config = await store.GetConfigAsync(request.App, context.CancellationToken);
        return ToResponse(request.App, config, 0);
    }

    /// <inheritdoc />
    public override async Task<ConfigResponse> SetConfig(SetConfigRequest request, ServerCallContext context)
    {
        var errors = request.Values.Keys
            .Where(key => !ConfigKey.IsValid(key))
            .Select(key => $"'{key}' is not a valid key: {ConfigKey.Rule}.")
            .ToList();
        if (request.Values.Count == 0)
        {
            errors.Add("no KEY=value pair was given; pass at least one.");
        }

        if (errors.Count > 0)
        {
            throw ApiErrors.Invalid(errors);
        }

        return await ChangeConfigAsync(request.App, request.Values, [], request.NoRestart, context);
    }

    /// <inheritdoc />
    public override async Task<ConfigResponse> UnsetConfig(UnsetConfigRequest request, ServerCallContext context)
    {
        var keys = ConfigArguments.ParseKeys(request.Keys);
        if (!keys.IsValid)
        {
            throw ApiErrors.Invalid(keys.Errors);
        }

        return await ChangeConfigAsync(
            request.App, new Dictionary<string, string>(), keys.Value!, request.NoRestart, context);
    }

    /// <inheritdoc />
    public override async Task<DomainsResponse> AddDomain(DomainRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        await RequireAppAsync(request.App, ct);
        var domain = DomainName.Validate(request.Domain);
        if (!domain.IsValid)
        {
            throw ApiErrors.Invalid(domain.Errors);
        }

        var holder = await DefaultHostHolderAsync(domain.Value!, ct)
            ?? await store.AddDomainAsync(request.App, domain.Value!, ct);
        if (holder is not null)
        {
            throw ApiErrors.Exists(
                $"the domain {domain.Value} already belongs to the app '{holder}'; remove it there first");
        }

        trigger.Kick();
        return await DomainsAsync(request.App, ct);
    }

    /// <inheritdoc />
    public override async Task<DomainsResponse> RemoveDomain(DomainRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        await RequireAppAsync(request.App, ct);
        var domain = DomainName.Validate(request.Domain);
        if (!domain.IsValid || !await store.RemoveDomainAsync(request.App, domain.Value!, ct))
        {
            throw new RpcException(new Status(
                StatusCode.NotFound,
                $"the app '{request.App}' has no domain {request.Domain}; " +
                $"`berth domains:report {request.App}` lists them"));
        }

        trigger.Kick();
        return await DomainsAsync(request.App, ct);
    }

    /// <inheritdoc />
    public override async Task<DomainsResponse> ListDomains(AppRequest request, ServerCallContext context)
    {
        await RequireAppAsync(request.App, context.CancellationToken);
        return await DomainsAsync(request.App, context.CancellationToken);
    }

    /// <inheritdoc />
    public override async Task<ListInstancesResponse> ListInstances(AppRequest request, ServerCallContext context)
    {
        await RequireAppAsync(request.App, context.CancellationToken);
        var nodes = (await store.ListNodesAsync(context.CancellationToken)).ToDictionary(n => n.Name);
        var response = new ListInstancesResponse();
        var assignments = await store.ListAssignmentsAsync(context.CancellationToken);
        foreach (var instance in assignments.Where(a => a.App == request.App))
        {
            var status = agents.StatusOf(instance.Node, instance.Name, instance.Release);
            var down = agents.StatusOf(instance.Node) == Core.Placement.NodeStatus.Down;
            response.Instances.Add(new InstanceInfo
            {
                Name = instance.Name,
                App = instance.App,
                Process = instance.Process,
                Index = instance.Index,
                Release = instance.Release,
                Node = instance.Node,
                State = down ? InstanceStates.Unknown : status?.State ?? InstanceStates.Pending,
                Address = status is { Port: > 0 } && nodes.TryGetValue(instance.Node, out var node)
                    ? $"{node.Address}:{status.Port}"
                    : "",
                Message = status?.Message ?? "",
                Restarts = status?.Restarts ?? 0,
                StartedAt = status?.StartedAt ?? "",
                NextRestartAt = status?.NextRestartAt ?? "",
                ExitCode = status?.ExitCode ?? 0,
            });
        }

        return response;
    }

    /// <inheritdoc />
    public override async Task<ScaleResponse> Scale(ScaleRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var app = await RequireAppAsync(request.App, ct);
        var errors = request.Formation
            .Select(pair => FormationArguments.Check(pair.Key, pair.Value))
            .OfType<string>()
            .ToList();
        if (errors.Count > 0)
        {
            throw ApiErrors.Invalid(errors);
        }

        var release = await store.GetReleaseAsync(request.App, app.CurrentRelease, ct);
        var types = release is null ? null : ReleaseTypes(release);
        var unknown = types is null ? [] : request.Formation.Keys.Where(t => !types.Contains(t)).ToList();
        if (unknown.Count > 0)
        {
            throw ApiErrors.Invalid(
                $"release v{app.CurrentRelease} of '{request.App}' has no process type {string.Join(", ", unknown)}; " +
                $"its types are {string.Join(", ", types!.Order(StringComparer.Ordinal))} (from its Procfile)");
        }

        await store.SetFormationAsync(request.App, request.Formation, ct);
        var plan = await reconciler.ReconcileAsync(ct);

        var response = new ScaleResponse { App = request.App };
        response.Formation.Add(new Dictionary<string, int>(await store.GetFormationAsync(request.App, ct)));
        response.Unplaced.Add(plan.Unplaced
            .Where(u => u.App == request.App)
            .Select(u => $"{InstanceName.Format(u.App, u.Process, u.Index)}: {u.Reason}"));
        return response;
    }

    private async Task<ConfigResponse> ChangeConfigAsync(
        string app,
        IReadOnlyDictionary<string, string> set,
        IReadOnlyList<string> unset,
        bool noRestart,
        ServerCallContext context)
    {
        var ct = context.CancellationToken;
        await RequireAppAsync(app, ct);
        var output = new LogOutput(logger, app);
        var (config, result) = await deployments.ChangeConfigAsync(
            app,
            token => store.UpdateConfigAsync(app, set, unset, token),
            restart: !noRestart,
            Actor.Of(context),
            output,
            ct);
        if (config is null)
        {
            throw ApiErrors.Precondition(result.Error);
        }

        Log.ConfigChanged(logger, app, config.Version, set.Count, unset.Count);
        if (!result.Succeeded)
        {
            throw ApiErrors.Precondition($"the config was saved, but {result.Error}");
        }

        return ToResponse(app, config, result.Release);
    }

    private static HashSet<string> ReleaseTypes(ReleaseRecord release) =>
        release.Processes.Count == 0 ? [ProcessType.Web] : [.. release.Processes.Keys];

    private async Task<AppRecord> RequireAppAsync(string app, CancellationToken ct) =>
        await store.GetAppAsync(app, ct) ?? throw ApiErrors.AppNotFound(app);

    private async Task<string?> DefaultHostHolderAsync(string domain, CancellationToken ct)
    {
        var suffix = "." + options.Domain;
        if (!domain.EndsWith(suffix, StringComparison.Ordinal))
        {
            return null;
        }

        var app = domain[..^suffix.Length];
        return await store.GetAppAsync(app, ct) is null ? null : app;
    }

    private async Task<AppInfo> InfoAsync(AppRecord app, CancellationToken ct)
    {
        var info = new AppInfo
        {
            Name = app.Name,
            CreatedAt = app.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
            Url = options.AppUrl(app.Name),
            CurrentRelease = app.CurrentRelease,
            GitUrl = $"{options.GitBaseUrl}/{app.Name}.git",
        };
        info.Domains.Add((await store.ListDomainsAsync(app.Name, ct)).Select(d => d.Domain));
        info.Formation.Add(new Dictionary<string, int>(await store.GetFormationAsync(app.Name, ct)));
        info.RunningInstances = (await store.ListAssignmentsAsync(ct))
            .Count(a => a.App == app.Name && agents.IsRunning(a));
        return info;
    }

    private async Task<DomainsResponse> DomainsAsync(string app, CancellationToken ct)
    {
        var response = new DomainsResponse { App = app, DefaultDomain = $"{app}.{options.Domain}" };
        response.Domains.Add((await store.ListDomainsAsync(app, ct)).Select(d => d.Domain));
        return response;
    }

    private static ConfigResponse ToResponse(string app, ConfigSnapshot config, int release)
    {
        var response = new ConfigResponse { App = app, Version = config.Version, Release = release };
        response.Values.Add(new Dictionary<string, string>(config.Values));
        return response;
    }
}
