using Berth.ControlPlane.Scheduling;
using Berth.ControlPlane.Store;
using Berth.Core.Health;

namespace Berth.ControlPlane.Tests.Scheduling;

public sealed class ReleaseChecksTests
{
    private const string AppJson = """
        { "healthchecks": { "worker": [ { "name": "ready", "command": ["test", "-f", "/tmp/ready"] } ] } }
        """;

    [Fact]
    public void Read_NoTexts_GivesDefaultsForEveryType()
    {
        var checks = ReleaseChecks.Read(ReleaseSources.None);

        Assert.True(checks.IsValid);
        var plan = checks.Value!.PlanFor("web", HealthCheckOverrides.None);
        Assert.Equal(HealthCheckSource.Default, plan.Source);
        Assert.Equal(HealthCheckDefaults.ChecksFor("web"), plan.Checks);
    }

    [Fact]
    public void Read_AppJsonAndChecksFile_EachTypeGetsItsOwn()
    {
        var checks = ReleaseChecks.Read(new ReleaseSources(AppJson, "WAIT=2\n/health ok\n")).Value!;

        var worker = checks.PlanFor("worker", HealthCheckOverrides.None);
        var web = checks.PlanFor("web", HealthCheckOverrides.None);

        Assert.Equal(HealthCheckSource.AppJson, worker.Source);
        Assert.Equal(["test", "-f", "/tmp/ready"], Assert.Single(worker.Checks).Command);
        Assert.Equal(HealthCheckSource.ChecksFile, web.Source);
        var check = Assert.Single(web.Checks);
        Assert.Equal(("/health", "ok", TimeSpan.FromSeconds(2)), (check.Path, check.Content, check.Wait));
    }

    [Fact]
    public void PlanFor_Disabled_RunsNoCheck()
    {
        var checks = ReleaseChecks.Read(new ReleaseSources(AppJson, "")).Value!;

        var plan = checks.PlanFor("worker", new HealthCheckOverrides { Mode = HealthCheckMode.Disabled });

        Assert.Equal(HealthCheckSource.None, plan.Source);
        Assert.Empty(plan.Checks);
        Assert.True(plan.StopsOldFirst);
    }

    [Fact]
    public void Read_BadTexts_ReportsTheErrorsOfBoth()
    {
        var checks = ReleaseChecks.Read(new ReleaseSources("[1]", "ATTEMPTS=0\n"));

        Assert.False(checks.IsValid);
        Assert.Equal(2, checks.Errors.Count);
        Assert.Contains(checks.Errors, e => e.Contains("app.json", StringComparison.Ordinal));
        Assert.Contains(checks.Errors, e => e.Contains("CHECKS line 1", StringComparison.Ordinal));
    }
}
