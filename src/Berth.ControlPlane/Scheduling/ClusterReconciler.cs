using Berth.Contracts;
using Berth.ControlPlane.Agents;
using Berth.ControlPlane.Routing;
using Berth.ControlPlane.Store;
using Berth.Core.Health;
using Berth.Core.Placement;
using Berth.Core.Processes;

namespace Berth.ControlPlane.Scheduling;

/// <summary>
/// Keeps the cluster matching what the store asks for: plans placement from the
/// formations, the nodes and the current assignments, records the assignments, sends each
/// node its set, and refreshes the routes. Runs on every kick and every few seconds.
/// </summary>
public sealed partial class ClusterReconciler(
    IClusterStore store,
    AgentRegistry agents,
    RoutePublisher routes,
    ReconcileTrigger trigger,
    TimeProvider time,
    ILogger<ClusterReconciler> logger) : BackgroundService
{
    /// <summary>The longest pause between two passes.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    /// <summary>The longest an instance leaving waits for the edges to stop routing to it.</summary>
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<PlacedInstance, DateTimeOffset> drainingSince = [];
    private readonly HealthCheckPlanCache plans = new(
        (app, release, errors) => Log.HealthChecksUnreadable(logger, app, release, string.Join(" ", errors)));

    /// <summary>Runs one pass now and returns its placement plan.</summary>
    public async Task<PlacementPlan> ReconcileAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            var releases = new Dictionary<(string, int), ReleaseRecord?>();
            var settings = new Dictionary<(string, string), ProcessSettings>();
            var demands = await DemandsAsync(settings, ct);
            var nodes = (await store.ListNodesAsync(ct))
                .Select(n => new NodeCapacity(n.Name, agents.StatusOf(n.Name), n.MemoryMb, n.Labels))
                .ToList();
            var current = await store.ListAssignmentsAsync(ct);

            var plan = PlacementPlanner.Plan(demands, nodes, current);
            var routable = Routable(plan, settings);
            var version = await routes.RefreshAsync(routable, ct);
            var desired = Sorted(routable.Concat(Draining(plan, routable, version)));
            if (!desired.SequenceEqual(current))
            {
                await store.ReplaceAssignmentsAsync(desired, ct);
                Log.AssignmentsChanged(logger, plan.Place.Count, current.Except(desired).Count(), desired.Count);
            }

            if (plan.Unplaced.Count > 0)
            {
                Log.InstancesUnplaced(logger, plan.Unplaced.Count, plan.Unplaced[0].Reason);
            }

            await SendAssignmentsAsync(desired, releases, settings, ct);
            return plan;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReconcileAsync(stoppingToken);
                await trigger.WaitAsync(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                Log.ReconcileFailed(logger, e);
                await Task.Delay(Interval, time, stoppingToken);
            }
        }
    }

    /// <summary>
    /// The instances that may receive traffic: what the plan keeps, what it places now, and
    /// the old instances whose replacement does not run yet, so an app keeps serving while a
    /// new release rolls through it, at most max_parallel instances of a type at a time. A
    /// type whose checks are disabled (checks:disable) stops old instances first instead.
    /// </summary>
    private List<PlacedInstance> Routable(
        PlacementPlan plan,
        Dictionary<(string, string), ProcessSettings> settings)
    {
        // Limitation: instances being replaced are not counted against their node's memory, so a node can be
        // overcommitted for the length of a rollout.
        var paced = RollingReplacement.Pace(
            plan,
            agents.IsRunning,
            (app, process) => settings.GetValueOrDefault((app, process))?.MaxParallel ?? 1,
            (app, process) => settings.GetValueOrDefault((app, process))?.Checks.Mode == HealthCheckMode.Disabled);
        var retained = paced.Retained.Where(i => agents.StatusOf(i.Node) != NodeStatus.Down);
        return plan.Keep.Concat(paced.Place).Concat(retained).ToList();
    }

    /// <summary>
    /// The instances leaving that keep running until every edge has applied route table
    /// <paramref name="version"/>, which no longer sends them traffic; at most
    /// <see cref="DrainTimeout"/>, so an edge that never acknowledges cannot hold them forever.
    /// </summary>
    private List<PlacedInstance> Draining(PlacementPlan plan, List<PlacedInstance> routable, long version)
    {
        var leaving = plan.Stop.Except(routable).Where(agents.IsRunning).ToList();
        var now = time.GetUtcNow();
        foreach (var gone in drainingSince.Keys.Except(leaving).ToList())
        {
            drainingSince.Remove(gone);
        }

        if (routes.AllAcknowledged(version))
        {
            drainingSince.Clear();
            return [];
        }

        foreach (var instance in leaving)
        {
            drainingSince.TryAdd(instance, now);
        }

        return leaving.Where(i => now - drainingSince[i] < DrainTimeout).ToList();
    }

    private static List<PlacedInstance> Sorted(IEnumerable<PlacedInstance> instances) =>
        instances
            .OrderBy(i => i.App, StringComparer.Ordinal)
            .ThenBy(i => i.Process, StringComparer.Ordinal)
            .ThenBy(i => i.Index)
            .ThenBy(i => i.Release)
            .ThenBy(i => i.Node, StringComparer.Ordinal)
            .ToList();

    private async Task<List<ProcessDemand>> DemandsAsync(
        Dictionary<(string, string), ProcessSettings> settingsByType,
        CancellationToken ct)
    {
        var demands = new List<ProcessDemand>();
        foreach (var app in (await store.ListAppsAsync(ct)).Where(a => a.CurrentRelease > 0))
        {
            foreach (var settings in await store.GetProcessSettingsAsync(app.Name, ct))
            {
                settingsByType[(app.Name, settings.Process)] = settings;
                demands.Add(new ProcessDemand(
                    app.Name,
                    settings.Process,
                    app.Stopped ? 0 : settings.Quantity,
                    settings.ReleaseOf(app.CurrentRelease),
                    settings.MemoryMb,
                    settings.Constraints));
            }
        }

        return demands;
    }

    private async Task SendAssignmentsAsync(
        IReadOnlyList<PlacedInstance> desired,
        Dictionary<(string, int), ReleaseRecord?> releases,
        Dictionary<(string, string), ProcessSettings> settings,
        CancellationToken ct)
    {
        plans.StartPass();
        var byNode = desired.ToLookup(i => i.Node);
        foreach (var session in agents.Sessions)
        {
            var set = new AssignmentSet();
            foreach (var instance in byNode[session.Node])
            {
                var key = (instance.App, instance.Release);
                if (!releases.TryGetValue(key, out var release))
                {
                    release = releases[key] = await store.GetReleaseAsync(instance.App, instance.Release, ct);
                }

                if (release is not null)
                {
                    var type = settings.GetValueOrDefault((instance.App, instance.Process));
                    set.Assignments.Add(ToAssignment(instance, release, type));
                }
            }

            var fingerprint = set.ToString();
            if (fingerprint != session.SentAssignments)
            {
                set.Version = time.GetUtcNow().ToUnixTimeMilliseconds();
                session.SentAssignments = fingerprint;
                session.Send(new ControlMessage { Assignments = set });
            }
        }
    }

    /// <summary>
    /// What a node runs for <paramref name="instance"/>: <paramref name="type"/> is the settings of
    /// its process type, or null when the type left the formation and the instance is leaving.
    /// </summary>
    private Assignment ToAssignment(PlacedInstance instance, ReleaseRecord release, ProcessSettings? type)
    {
        var overrides = type?.Checks ?? HealthCheckOverrides.None;
        var plan = plans.PlanFor(release, instance.Process, overrides);
        var assignment = new Assignment
        {
            Instance = instance.Name,
            App = instance.App,
            Process = instance.Process,
            Index = instance.Index,
            Release = instance.Release,
            Image = release.Image,
            Listens = instance.Process == ProcessType.Web,
            MemoryMb = instance.MemoryMb,
            ProcfileCommand = release.Processes.GetValueOrDefault(instance.Process, ""),
            StopTimeoutSeconds = type?.StopTimeoutSeconds ?? ProcessSettings.DefaultStopTimeoutSeconds,
        };
        assignment.Checks.Add(plan.Checks.Select(HealthCheckSpecs.From));
        assignment.Env.Add(new Dictionary<string, string>(release.Config.Values));
        if (release.GitRevision.Length > 0)
        {
            assignment.Env["GIT_REV"] = release.GitRevision;
        }

        return assignment;
    }
}
