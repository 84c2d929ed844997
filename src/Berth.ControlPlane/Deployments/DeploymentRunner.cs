using Berth.ControlPlane.Agents;
using Berth.ControlPlane.Builds;
using Berth.ControlPlane.Registry;
using Berth.ControlPlane.Routing;
using Berth.ControlPlane.Scheduling;
using Berth.ControlPlane.Security;
using Berth.ControlPlane.Store;
using Berth.Core.AppJson;
using Berth.Core.Builds;
using Berth.Core.Placement;
using Berth.Core.Processes;
using Berth.Core.Validation;

namespace Berth.ControlPlane.Deployments;

/// <summary>
/// Makes releases and rolls them out: builds a pushed tree on a node, records the release,
/// makes it current, and waits until its instances run and every edge routes to them. When
/// the new instances fail to start, the previous release is made current again and keeps
/// serving.
/// </summary>
public sealed partial class DeploymentRunner(
    IClusterStore store,
    BuildCoordinator builds,
    ClusterReconciler reconciler,
    AgentRegistry agents,
    RoutePublisher routes,
    AppLocks locks,
    ImagePruning pruning,
    RegistryClient registry,
    ControlPlaneOptions options,
    TimeProvider time,
    ILogger<DeploymentRunner> logger)
{
    /// <summary>How long new instances have to reach running.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    /// <summary>How long the edges have to apply the routes to a new release.</summary>
    public static readonly TimeSpan EdgeTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Builds <paramref name="context"/> into a new release of <paramref name="app"/> and rolls it
    /// out, with the app.json predeploy script run on the built image first and its postdeploy
    /// script once the release runs.
    /// </summary>
    /// <param name="app">The app.</param>
    /// <param name="gitRevision">The pushed commit; empty for a tar deployed without git.</param>
    /// <param name="context">The tar of the tree to build.</param>
    /// <param name="actor">Who asked for it (<see cref="Actor"/>).</param>
    /// <param name="output">Where progress goes.</param>
    /// <param name="ct">Cancels the deployment.</param>
    /// <param name="description">What the release says made it; "deploy REV" when null.</param>
    public async Task<DeploymentResult> DeployBuildAsync(
        string app,
        string gitRevision,
        byte[] context,
        string actor,
        IDeploymentOutput output,
        CancellationToken ct,
        string? description = null)
    {
        using var held = locks.TryTake(app);
        if (held is null)
        {
            return Busy(app);
        }

        if (!BuildContext.HasDockerfile(context))
        {
            return DeploymentResult.Failed(BuildContext.MissingDockerfile);
        }

        var tree = ReleaseManifest.InTree(context);
        var pushed = ReleaseManifest.Read(tree, FilesInImage.None);
        if (!pushed.IsValid)
        {
            return DeploymentResult.Failed(string.Join(" ", pushed.Errors));
        }

        var image = $"{options.Registry}/{app}:v{await store.NextReleaseNumberAsync(app, ct)}";
        var source = gitRevision.Length > 0 ? Short(gitRevision) : "the uploaded build context";
        await output.WriteLineAsync($"-----> Building {app} from {source}");
        var missing = ReleaseManifest.FileNames.Where(name => !tree.ContainsKey(name));
        var build = await builds.BuildAsync(app, image, context, missing, Indented(output), ct);
        if (!build.Succeeded)
        {
            Log.BuildFailed(logger, app, build.Node, build.Error);
            return DeploymentResult.Failed($"the build failed: {build.Error}");
        }

        var manifest = await ReadManifestAsync(tree, build.Files, output);
        if (!manifest.IsValid)
        {
            return DeploymentResult.Failed(string.Join(" ", manifest.Errors));
        }

        var made = new MadeImage(
            image, build.Digest, gitRevision, description ?? $"deploy {Short(gitRevision)}", actor);
        return await ReleaseAsync(app, made, manifest.Value!, output, ct);
    }

    /// <summary>
    /// Makes a release of <paramref name="app"/> from an existing image: a node pulls
    /// <paramref name="reference"/>, tags it as the release's image and pushes it to the cluster
    /// registry; its Procfile, app.json and CHECKS come from the image's working directory
    /// (without a Procfile the image's command is web).
    /// </summary>
    public async Task<DeploymentResult> DeployImageAsync(
        string app,
        string reference,
        string? description,
        string actor,
        IDeploymentOutput output,
        CancellationToken ct)
    {
        using var held = locks.TryTake(app);
        if (held is null)
        {
            return Busy(app);
        }

        var image = $"{options.Registry}/{app}:v{await store.NextReleaseNumberAsync(app, ct)}";
        await output.WriteLineAsync($"-----> Deploying {app} from the image {reference}");
        var pulled = await builds.PullAsync(app, image, reference, ReleaseManifest.FileNames, Indented(output), ct);
        if (!pulled.Succeeded)
        {
            Log.BuildFailed(logger, app, pulled.Node, pulled.Error);
            return DeploymentResult.Failed(
                $"the image {reference} could not be deployed: {pulled.Error}; check the reference and that " +
                "the nodes can reach its registry");
        }

        var manifest = await ReadManifestAsync(new Dictionary<string, string>(), pulled.Files, output);
        if (!manifest.IsValid)
        {
            return DeploymentResult.Failed(string.Join(" ", manifest.Errors));
        }

        var made = new MadeImage(image, pulled.Digest, "", description ?? $"deploy {reference}", actor);
        return await ReleaseAsync(app, made, manifest.Value!, output, ct);
    }

    /// <summary>
    /// Changes the app's config under its deployment lock, then rolls out a release with the
    /// current image and the new config so the change reaches every instance. Before the
    /// first deploy, or without <paramref name="restart"/>, only the config changes; it then
    /// reaches the instances with the next release. The config is null when another
    /// deployment held the lock and nothing changed.
    /// </summary>
    public async Task<(ConfigSnapshot? Config, DeploymentResult Result)> ChangeConfigAsync(
        string app,
        Func<CancellationToken, Task<ConfigSnapshot>> change,
        bool restart,
        string actor,
        IDeploymentOutput output,
        CancellationToken ct)
    {
        using var held = locks.TryTake(app);
        if (held is null)
        {
            return (null, Busy(app));
        }

        var config = await change(ct);
        return restart
            ? (config, await RedeployAsync(app, null, "config change", actor, output, ct))
            : (config, new DeploymentResult(true, 0, ""));
    }

    /// <summary>
    /// Replaces the instances of one process type (or of all when <paramref name="process"/>
    /// is null) with fresh ones, rolling, through a release with the same image and config.
    /// </summary>
    public async Task<DeploymentResult> RestartAsync(
        string app,
        string? process,
        string actor,
        IDeploymentOutput output,
        CancellationToken ct)
    {
        using var held = locks.TryTake(app);
        return held is null
            ? Busy(app)
            : await RedeployAsync(app, process, process is null ? "restart" : $"restart {process}", actor, output, ct);
    }

    /// <summary>
    /// Rolls the app back to release <paramref name="version"/> (0: the newest deployed
    /// release before the current one) through a new release with that release's image,
    /// digest, config, git revision and process types, rolled out like any other. Returns the
    /// release rolled back to (0 when refused) and how the deployment ended; when the new
    /// release fails, the formation is restored and the previous release keeps serving.
    /// </summary>
    public async Task<(int Target, DeploymentResult Result)> RollbackAsync(
        string app,
        int version,
        string actor,
        IDeploymentOutput output,
        CancellationToken ct)
    {
        using var held = locks.TryTake(app);
        if (held is null)
        {
            return (0, Busy(app));
        }

        var current = (await store.GetAppAsync(app, ct))?.CurrentRelease ?? 0;
        var (target, error) = RollbackTarget(app, await store.ListReleasesAsync(app, ct), current, version);
        if (target is null)
        {
            return (0, DeploymentResult.Failed(error));
        }

        if (await ImageRemovedAsync(target, ct))
        {
            var removed = ImageRetention.RemovedImageError(app, target.Number, options.KeepReleases);
            return (0, DeploymentResult.Failed(removed));
        }

        // Limitation: a rollback runs the target release's config but leaves the app's config vars as they are,
        // so the next config change or push runs with those again; the API tells the user when they differ.
        await output.WriteLineAsync($"-----> Rolling {app} back to v{target.Number}");
        var formation = await store.GetProcessSettingsAsync(app, ct);
        var release = await store.CreateReleaseAsync(
            app,
            target.Image,
            target.Digest,
            target.Config,
            target.GitRevision,
            $"rollback to v{target.Number}",
            actor,
            target.Processes,
            target.Sources,
            ct);

        // The target's app.json gives process types the app lacks now the quantity they were deployed with.
        var manifest = target.Sources.AppJson.Length > 0
            ? AppJsonParser.Parse(target.Sources.AppJson).Value ?? AppManifest.Empty
            : AppManifest.Empty;
        await ApplyFormationAsync(release, manifest, output, ct);
        return (target.Number, await RollOutAsync(release, output, ct, formation));
    }

    /// <summary>
    /// The release a rollback goes to: <paramref name="requested"/>, or with 0 the newest
    /// deployed release numbered below <paramref name="current"/>. Null with the reason, a
    /// sentence that says what to do, when that release is unknown, failed, pending or current.
    /// </summary>
    /// <param name="app">The app, for the reason.</param>
    /// <param name="releases">Every release of the app.</param>
    /// <param name="current">The app's current release; 0 before the first.</param>
    /// <param name="requested">The release asked for; 0 for the default.</param>
    public static (ReleaseRecord? Target, string Error) RollbackTarget(
        string app,
        IReadOnlyList<ReleaseRecord> releases,
        int current,
        int requested)
    {
        var list = $"`berth releases {app}` lists them";
        if (current == 0)
        {
            return (null, $"'{app}' has no release to roll back from yet; deploy it first with git push berth main");
        }

        if (requested == 0)
        {
            var previous = releases
                .Where(r => r.Number < current && r.State == ReleaseStates.Deployed)
                .MaxBy(r => r.Number);
            return previous is null
                ? (null, $"'{app}' has no deployed release before v{current} to roll back to; {list}")
                : (previous, "");
        }

        var target = releases.FirstOrDefault(r => r.Number == requested);
        return target switch
        {
            null => (null, $"'{app}' has no release v{requested}; {list}"),
            { Number: var n } when n == current =>
                (null, $"v{n} is already the current release of '{app}'; name an earlier one ({list})"),
            { State: ReleaseStates.Failed } =>
                (null, $"v{requested} of '{app}' failed to deploy, so it cannot be rolled back to; " +
                    $"name a deployed release ({list})"),
            { State: not ReleaseStates.Deployed } =>
                (null, $"v{requested} of '{app}' never finished deploying ({target.State}), so it cannot be " +
                    $"rolled back to; name a deployed release ({list})"),
            _ => (target, ""),
        };
    }

    /// <summary>
    /// Makes a release from the current one with the config as it is now and rolls it out to
    /// <paramref name="process"/> (null: every type, clearing pins); the other types stay
    /// pinned to the release they run. Does nothing before the first deploy.
    /// </summary>
    private async Task<DeploymentResult> RedeployAsync(
        string app,
        string? process,
        string description,
        string actor,
        IDeploymentOutput output,
        CancellationToken ct)
    {
        var record = await store.GetAppAsync(app, ct);
        var current = record is null ? null : await store.GetReleaseAsync(app, record.CurrentRelease, ct);
        if (current is null)
        {
            return new DeploymentResult(true, 0, "");
        }

        var config = await store.GetConfigAsync(app, ct);
        var release = await store.CreateReleaseAsync(
            app,
            current.Image,
            current.Digest,
            config,
            current.GitRevision,
            description,
            actor,
            current.Processes,
            current.Sources,
            ct);
        foreach (var settings in await store.GetProcessSettingsAsync(app, ct))
        {
            var pinned = process is null || settings.Process == process ? 0 : settings.ReleaseOf(current.Number);
            await store.SetProcessSettingsAsync(app, settings with { PinnedRelease = pinned }, ct);
        }

        return await RollOutAsync(release, output, ct);
    }

    /// <summary>
    /// Makes <paramref name="release"/> current and waits until it runs and the edges route to
    /// it; on failure makes the previous release current again, with
    /// <paramref name="formation"/> (when given) restored first.
    /// </summary>
    private async Task<DeploymentResult> RollOutAsync(
        ReleaseRecord release,
        IDeploymentOutput output,
        CancellationToken ct,
        IReadOnlyList<ProcessSettings>? formation = null)
    {
        var previous = (await store.GetAppAsync(release.App, ct))?.CurrentRelease ?? 0;
        Log.DeploymentStarted(logger, release.App, release.Number);
        await output.WriteLineAsync($"-----> Releasing {release.App} v{release.Number}");
        await store.SetCurrentReleaseAsync(release.App, release.Number, ct);
        var plan = await reconciler.ReconcileAsync(ct);
        var unplaced = plan.Unplaced.Where(u => u.App == release.App).ToList();
        foreach (var instance in unplaced)
        {
            await output.WriteLineAsync(
                $" !     {instance.Process}.{instance.Index} cannot be placed: {instance.Reason}");
        }

        var failure = await WaitForInstancesAsync(release, unplaced.Count, output, ct);
        if (failure is not null)
        {
            return await RevertAsync(release, previous, failure, formation, ct);
        }

        await reconciler.ReconcileAsync(ct);
        await routes.WaitForAcknowledgementsAsync(routes.Current.Version, EdgeTimeout, ct);
        await store.SetReleaseStateAsync(release.App, release.Number, ReleaseStates.Deployed, ct);
        Log.DeploymentSucceeded(logger, release.App, release.Number);
        await PruneImagesAsync(release.App, output, ct);
        await output.WriteLineAsync($"=====> {release.App} v{release.Number} deployed: {options.AppUrl(release.App)}");
        return new DeploymentResult(true, release.Number, "");
    }

    /// <summary>
    /// Gives the app the formation of the release: its process types with their counts
    /// (<see cref="FormationDefaults"/>) and app.json's max_parallel; types the release no
    /// longer has are removed, and the pusher is told.
    /// </summary>
    private async Task ApplyFormationAsync(
        ReleaseRecord release,
        AppManifest manifest,
        IDeploymentOutput output,
        CancellationToken ct)
    {
        var current = (await store.GetProcessSettingsAsync(release.App, ct)).ToDictionary(p => p.Process);
        var resolved = FormationDefaults.Resolve(
            release.Processes.Keys.ToList(),
            current.Values.ToDictionary(p => p.Process, p => p.Quantity),
            manifest.Formation);

        foreach (var (process, quantity) in resolved.Formation)
        {
            var settings = current.GetValueOrDefault(process) ?? ProcessSettings.Default(process, quantity);
            var maxParallel = manifest.Formation.GetValueOrDefault(process)?.MaxParallel ?? settings.MaxParallel;
            await store.SetProcessSettingsAsync(
                release.App, settings with { Quantity = quantity, MaxParallel = maxParallel, PinnedRelease = 0 }, ct);
        }

        await store.RemoveProcessesAsync(release.App, resolved.Dropped.Keys.ToList(), ct);
        foreach (var process in resolved.Dropped.Keys)
        {
            await output.WriteLineAsync($" !     {process} is not in the Procfile any more; its instances stop");
        }
    }

    private async Task<DeploymentResult> RevertAsync(
        ReleaseRecord release,
        int previous,
        string failure,
        IReadOnlyList<ProcessSettings>? formation,
        CancellationToken ct)
    {
        if (formation is not null)
        {
            await RestoreFormationAsync(release.App, formation, ct);
        }

        await store.SetCurrentReleaseAsync(release.App, previous, ct);
        await store.SetReleaseStateAsync(release.App, release.Number, ReleaseStates.Failed, ct);
        await reconciler.ReconcileAsync(ct);
        Log.DeploymentFailed(logger, release.App, release.Number, failure);

        return DeploymentResult.Failed(
            DeploymentMessages.NotStarted(release.Number, failure, previous), release.Number);
    }

    /// <summary>Gives the app back the process types and settings it had before a deployment.</summary>
    private async Task RestoreFormationAsync(
        string app,
        IReadOnlyList<ProcessSettings> formation,
        CancellationToken ct)
    {
        var kept = formation.Select(p => p.Process).ToHashSet(StringComparer.Ordinal);
        var added = (await store.GetProcessSettingsAsync(app, ct))
            .Select(p => p.Process)
            .Where(p => !kept.Contains(p))
            .ToList();

        await store.RemoveProcessesAsync(app, added, ct);
        foreach (var settings in formation)
        {
            await store.SetProcessSettingsAsync(app, settings, ct);
        }
    }

    /// <summary>Waits until every placed instance of the release runs; the failure, or null.</summary>
    private async Task<string?> WaitForInstancesAsync(
        ReleaseRecord release,
        int unplaced,
        IDeploymentOutput output,
        CancellationToken ct)
    {
        var stopped = (await store.GetAppAsync(release.App, ct))?.Stopped ?? false;
        var expected = stopped ? 0 : (await store.GetProcessSettingsAsync(release.App, ct))
            .Where(p => p.PinnedRelease == 0)
            .Sum(p => p.Quantity) - unplaced;
        var deadline = time.GetUtcNow() + StartTimeout;
        var shown = new Dictionary<string, string>(StringComparer.Ordinal);

        while (true)
        {
            var instances = (await store.ListAssignmentsAsync(ct))
                .Where(a => a.App == release.App && a.Release == release.Number)
                .ToList();
            var states = instances.Select(i => (Instance: i, State: StateOf(i))).ToList();
            await ShowChangesAsync(states, shown, output);

            var failed = states.FirstOrDefault(s => InstanceStates.IsFailure(s.State));
            if (failed.Instance is not null)
            {
                var status = agents.StatusOf(failed.Instance.Node, failed.Instance.Name, release.Number);
                return DeploymentMessages.InstanceFailed(
                    failed.Instance, failed.State, status?.Message ?? "", status?.LogTail ?? []);
            }

            if (states.Count >= expected && states.All(s => s.State == InstanceStates.Running))
            {
                return null;
            }

            if (time.GetUtcNow() > deadline)
            {
                return $"its instances were not running after {StartTimeout.TotalMinutes} minutes";
            }

            await Task.Delay(PollInterval, time, ct);
        }
    }

    private string StateOf(PlacedInstance instance) =>
        agents.StatusOf(instance.Node, instance.Name, instance.Release)?.State ?? InstanceStates.Pending;

    private static async Task ShowChangesAsync(
        IEnumerable<(PlacedInstance Instance, string State)> states,
        Dictionary<string, string> shown,
        IDeploymentOutput output)
    {
        foreach (var (instance, state) in states)
        {
            if (shown.GetValueOrDefault(instance.Name) != state)
            {
                shown[instance.Name] = state;
                await output.WriteLineAsync($"       {instance.Name} {state} on {instance.Node}");
            }
        }
    }

    /// <summary>
    /// Reads the release's files (<see cref="ReleaseManifest.Read"/>), telling the pusher which
    /// came from the image.
    /// </summary>
    private static async Task<ValidationResult<ReleaseManifest>> ReadManifestAsync(
        IReadOnlyDictionary<string, string> tree,
        FilesInImage image,
        IDeploymentOutput output)
    {
        foreach (var name in image.Files.Keys.Where(name => !tree.ContainsKey(name)))
        {
            await output.WriteLineAsync($"       {name} read from the image's working directory {image.Directory}");
        }

        return ReleaseManifest.Read(tree, image);
    }

    private static DeploymentResult Busy(string app) =>
        DeploymentResult.Failed($"a deployment of {app} is already in progress; try again when it has finished");

    private static string Short(string revision) => revision.Length > 7 ? revision[..7] : revision;
}
