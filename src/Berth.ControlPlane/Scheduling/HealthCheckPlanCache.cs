using Berth.ControlPlane.Store;
using Berth.Core.Health;

namespace Berth.ControlPlane.Scheduling;

/// <summary>
/// The health check plans of the instances a reconcile pass sends, kept between passes so a release's
/// app.json and CHECKS texts are parsed once rather than every two seconds. A plan not asked for during
/// a whole pass is forgotten at the start of the next, so the cache holds what runs, not every release.
/// Not thread-safe: the reconciler uses it under its pass lock.
/// </summary>
/// <param name="unreadable">
/// Told the app, release and errors when a release's stored texts do not parse; its types then get
/// Berth's default checks.
/// </param>
public sealed class HealthCheckPlanCache(Action<string, int, IReadOnlyList<string>> unreadable)
{
    private Dictionary<Key, HealthCheckPlan> current = [];
    private Dictionary<Key, HealthCheckPlan> previous = [];

    /// <summary>How many plans the cache holds.</summary>
    public int Count => current.Count + previous.Count;

    /// <summary>Starts a pass: the plans the previous pass did not use are dropped.</summary>
    public void StartPass()
    {
        previous = current;
        current = [];
    }

    /// <summary>
    /// The plan of <paramref name="process"/> of <paramref name="release"/> under <paramref name="overrides"/>.
    /// </summary>
    public HealthCheckPlan PlanFor(ReleaseRecord release, string process, HealthCheckOverrides overrides)
    {
        var key = new Key(release.App, release.Number, process, overrides);
        if (current.TryGetValue(key, out var plan))
        {
            return plan;
        }

        if (!previous.Remove(key, out plan))
        {
            plan = Read(release).PlanFor(process, overrides);
        }

        current[key] = plan;
        return plan;
    }

    private ReleaseChecks Read(ReleaseRecord release)
    {
        var checks = ReleaseChecks.Read(release.Sources);
        if (checks.IsValid)
        {
            return checks.Value!;
        }

        unreadable(release.App, release.Number, checks.Errors);
        return ReleaseChecks.None;
    }

    private readonly record struct Key(string App, int Release, string Process, HealthCheckOverrides Overrides);
}
