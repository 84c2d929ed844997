using Berth.Core.Health;

namespace Berth.Core.Tests.Health;

public sealed class HealthCheckPlanTests
{
    private static readonly HealthCheck WebReady = HealthCheck.ForPath("ready", "/ready");

    private static readonly HealthCheck WebLive = HealthCheck.ForPath("live", "/live") with
    {
        Purpose = HealthCheckPurpose.Liveness,
    };

    private static readonly HealthCheck WebServing = HealthCheck.ForListening("serving") with
    {
        Purpose = HealthCheckPurpose.Readiness,
    };

    private static readonly HealthCheck WorkerUp = HealthCheck.ForUptime("up", TimeSpan.FromSeconds(30));

    private static readonly HealthCheck ChecksFileRoot = HealthCheck.ForPath("check-1", "/") with { Content = "Hi" };

    private static readonly Dictionary<string, IReadOnlyList<HealthCheck>> NoAppJson = [];

    [Fact]
    public void For_AppJsonStartupChecks_WinOverChecksFile()
    {
        var appJson = new Dictionary<string, IReadOnlyList<HealthCheck>> { ["web"] = [WebLive, WebReady] };

        var plan = HealthCheckPlan.For("web", appJson, [ChecksFileRoot], HealthCheckOverrides.None);

        Assert.Equal(HealthCheckMode.Enabled, plan.Mode);
        Assert.Equal(HealthCheckSource.AppJson, plan.Source);
        Assert.Equal([WebReady], plan.Checks);
        Assert.False(plan.StopsOldFirst);
    }

    [Fact]
    public void For_AppJsonStartupChecks_KeepTheirOrder()
    {
        var second = HealthCheck.ForCommand("db", ["./db-ready"]);
        var appJson = new Dictionary<string, IReadOnlyList<HealthCheck>> { ["web"] = [WebReady, WebLive, second] };

        var plan = HealthCheckPlan.For("web", appJson, [], HealthCheckOverrides.None);

        Assert.Equal([WebReady, second], plan.Checks);
    }

    [Fact]
    public void For_WebWithOnlyLivenessAndReadinessInAppJson_FallsToChecksFile()
    {
        var appJson = new Dictionary<string, IReadOnlyList<HealthCheck>> { ["web"] = [WebLive, WebServing] };

        var plan = HealthCheckPlan.For("web", appJson, [ChecksFileRoot], HealthCheckOverrides.None);

        Assert.Equal(HealthCheckSource.ChecksFile, plan.Source);
        Assert.Equal([ChecksFileRoot], plan.Checks);
    }

    [Fact]
    public void For_WebWithoutAppJsonChecks_UsesChecksFile()
    {
        var appJson = new Dictionary<string, IReadOnlyList<HealthCheck>> { ["worker"] = [WorkerUp] };

        var plan = HealthCheckPlan.For("web", appJson, [ChecksFileRoot], HealthCheckOverrides.None);

        Assert.Equal(HealthCheckSource.ChecksFile, plan.Source);
        Assert.Equal([ChecksFileRoot], plan.Checks);
    }

    [Fact]
    public void For_WebWithAnEmptyAppJsonList_UsesChecksFile()
    {
        var appJson = new Dictionary<string, IReadOnlyList<HealthCheck>> { ["web"] = [] };

        var plan = HealthCheckPlan.For("web", appJson, [ChecksFileRoot], HealthCheckOverrides.None);

        Assert.Equal(HealthCheckSource.ChecksFile, plan.Source);
    }

    [Fact]
    public void For_OtherTypeWithAChecksFile_IgnoresItAndUsesTheDefault()
    {
        var plan = HealthCheckPlan.For("worker", NoAppJson, [ChecksFileRoot], HealthCheckOverrides.None);

        Assert.Equal(HealthCheckSource.Default, plan.Source);
        Assert.Equal([HealthCheck.ForUptime("default-uptime", TimeSpan.FromSeconds(10))], plan.Checks);
    }

    [Fact]
    public void For_OtherTypeWithAppJsonChecks_UsesThem()
    {
        var appJson = new Dictionary<string, IReadOnlyList<HealthCheck>> { ["worker"] = [WorkerUp] };

        var plan = HealthCheckPlan.For("worker", appJson, [ChecksFileRoot], HealthCheckOverrides.None);

        Assert.Equal(HealthCheckSource.AppJson, plan.Source);
        Assert.Equal([WorkerUp], plan.Checks);
    }

    [Fact]
    public void For_WebWithNothing_ListensThenSettles()
    {
        var plan = HealthCheckPlan.For("web", NoAppJson, [], HealthCheckOverrides.None);

        Assert.Equal(HealthCheckSource.Default, plan.Source);
        Assert.Equal(HealthCheckDefaults.ChecksFor("web"), plan.Checks);
        Assert.Equal([HealthCheckKind.Listening, HealthCheckKind.Uptime], plan.Checks.Select(c => c.Kind));
    }

    [Fact]
    public void For_AnotherTypesChecks_DoNotApply()
    {
        var appJson = new Dictionary<string, IReadOnlyList<HealthCheck>> { ["worker"] = [WorkerUp] };

        var plan = HealthCheckPlan.For("clock", appJson, [], HealthCheckOverrides.None);

        Assert.Equal(HealthCheckSource.Default, plan.Source);
    }

    [Theory]
    [InlineData(HealthCheckMode.Skipped, false)]
    [InlineData(HealthCheckMode.Disabled, true)]
    public void For_SkippedOrDisabled_RunsNoCheckWhateverTheSources(HealthCheckMode mode, bool stopsOldFirst)
    {
        var appJson = new Dictionary<string, IReadOnlyList<HealthCheck>> { ["web"] = [WebReady] };
        var overrides = new HealthCheckOverrides { Mode = mode, Attempts = 9 };

        var plan = HealthCheckPlan.For("web", appJson, [ChecksFileRoot], overrides);

        Assert.Equal(mode, plan.Mode);
        Assert.Equal(HealthCheckSource.None, plan.Source);
        Assert.Empty(plan.Checks);
        Assert.Equal(stopsOldFirst, plan.StopsOldFirst);
    }

    [Theory]
    [InlineData(HealthCheckMode.Skipped)]
    [InlineData(HealthCheckMode.Disabled)]
    public void For_SkippedOrDisabledWithoutChecks_StillRunsNoDefault(HealthCheckMode mode)
    {
        var plan = HealthCheckPlan.For("worker", NoAppJson, [], new HealthCheckOverrides { Mode = mode });

        Assert.Empty(plan.Checks);
    }

    [Fact]
    public void For_Overrides_ReplaceTimingOfEveryAppJsonCheck()
    {
        var slow = WebReady with { Name = "slow", Attempts = 10, InitialDelay = TimeSpan.FromSeconds(20) };
        var appJson = new Dictionary<string, IReadOnlyList<HealthCheck>> { ["web"] = [WebReady, slow] };
        var overrides = new HealthCheckOverrides
        {
            Wait = TimeSpan.FromSeconds(2),
            Timeout = TimeSpan.FromSeconds(30),
            Attempts = 12,
        };

        var plan = HealthCheckPlan.For("web", appJson, [], overrides);

        Assert.All(plan.Checks, check =>
        {
            Assert.Equal(TimeSpan.FromSeconds(2), check.Wait);
            Assert.Equal(TimeSpan.FromSeconds(30), check.Timeout);
            Assert.Equal(12, check.Attempts);
        });
        Assert.Equal(TimeSpan.FromSeconds(20), plan.Checks[1].InitialDelay);
    }

    [Fact]
    public void For_PartialOverrides_KeepEachChecksOtherSettings()
    {
        var appJson = new Dictionary<string, IReadOnlyList<HealthCheck>>
        {
            ["web"] = [WebReady with { Attempts = 7, Wait = TimeSpan.FromSeconds(9) }],
        };

        var overrides = new HealthCheckOverrides { Timeout = TimeSpan.FromSeconds(1) };

        var plan = HealthCheckPlan.For("web", appJson, [], overrides);

        var check = Assert.Single(plan.Checks);
        Assert.Equal(7, check.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(9), check.Wait);
        Assert.Equal(TimeSpan.FromSeconds(1), check.Timeout);
    }

    [Fact]
    public void For_Overrides_ApplyToChecksFileChecks()
    {
        var plan = HealthCheckPlan.For("web", NoAppJson, [ChecksFileRoot], new HealthCheckOverrides { Attempts = 20 });

        Assert.Equal([ChecksFileRoot with { Attempts = 20 }], plan.Checks);
    }

    [Fact]
    public void For_Overrides_ApplyToTheDefaultChecksButNotTheSettleTime()
    {
        var overrides = new HealthCheckOverrides { Wait = TimeSpan.FromSeconds(3), Attempts = 40 };

        var plan = HealthCheckPlan.For("web", NoAppJson, [], overrides);

        Assert.Equal(HealthCheckDefaults.ChecksFor("web").Select(overrides.ApplyTo), plan.Checks);
        Assert.Equal(40, plan.Checks[0].Attempts);
        Assert.Equal(TimeSpan.FromSeconds(10), plan.Checks[1].Uptime);
    }

    [Fact]
    public void For_NoOverrides_LeavesChecksAsGiven()
    {
        var appJson = new Dictionary<string, IReadOnlyList<HealthCheck>> { ["web"] = [WebReady] };

        var plan = HealthCheckPlan.For("web", appJson, [], new HealthCheckOverrides());

        Assert.Equal(WebReady, plan.Checks[0]);
    }

    [Fact]
    public void For_EmptyProcess_Throws()
    {
        Assert.Throws<ArgumentException>(() => HealthCheckPlan.For("", NoAppJson, [], HealthCheckOverrides.None));
    }
}
