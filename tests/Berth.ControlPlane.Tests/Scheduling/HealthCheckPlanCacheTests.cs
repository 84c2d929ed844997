using Berth.ControlPlane.Scheduling;
using Berth.ControlPlane.Store;
using Berth.Core.Health;

namespace Berth.ControlPlane.Tests.Scheduling;

public sealed class HealthCheckPlanCacheTests
{
    private readonly List<(string App, int Release, IReadOnlyList<string> Errors)> unreadable = [];

    private HealthCheckPlanCache Cache() => new((app, release, errors) => unreadable.Add((app, release, errors)));

    [Fact]
    public void PlanFor_SameKeyTwice_ReturnsTheSamePlan()
    {
        var cache = Cache();
        cache.StartPass();
        var release = Release(1, new ReleaseSources("", "/health"));

        var first = cache.PlanFor(release, "web", HealthCheckOverrides.None);
        var second = cache.PlanFor(release, "web", HealthCheckOverrides.None);

        Assert.Same(first, second);
        Assert.Equal(HealthCheckSource.ChecksFile, first.Source);
    }

    [Fact]
    public void PlanFor_OtherOverrides_MakesAnotherPlan()
    {
        var cache = Cache();
        var release = Release(1, ReleaseSources.None);

        var plain = cache.PlanFor(release, "web", HealthCheckOverrides.None);
        var skipped = cache.PlanFor(release, "web", new HealthCheckOverrides { Mode = HealthCheckMode.Skipped });

        Assert.NotEmpty(plain.Checks);
        Assert.Empty(skipped.Checks);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void StartPass_PlanUnusedForAWholePass_IsForgotten()
    {
        var cache = Cache();
        cache.PlanFor(Release(1, ReleaseSources.None), "web", HealthCheckOverrides.None);
        cache.StartPass();
        cache.PlanFor(Release(2, ReleaseSources.None), "web", HealthCheckOverrides.None);

        cache.StartPass();

        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void PlanFor_UnreadableSources_ReportsOnceWhileInUseAndGivesDefaults()
    {
        var cache = Cache();
        var release = Release(4, new ReleaseSources("{ not json", ""));

        var plan = cache.PlanFor(release, "web", HealthCheckOverrides.None);
        cache.StartPass();
        cache.PlanFor(release, "web", HealthCheckOverrides.None);

        Assert.Equal(HealthCheckSource.Default, plan.Source);
        var report = Assert.Single(unreadable);
        Assert.Equal(("shop", 4), (report.App, report.Release));
        Assert.NotEmpty(report.Errors);
    }

    private static ReleaseRecord Release(int number, ReleaseSources sources) => new(
        "shop",
        number,
        "img",
        "sha256:0",
        ConfigSnapshot.Empty,
        "",
        "test",
        ReleaseStates.Deployed,
        DateTimeOffset.UnixEpoch,
        new Dictionary<string, string>(),
        sources,
        "");
}
