using Berth.ControlPlane.Api;
using Berth.ControlPlane.Scheduling;
using Berth.ControlPlane.Store;
using Berth.Core.Health;

namespace Berth.ControlPlane.Tests.Api;

public sealed class ChecksReportsTests
{
    [Fact]
    public void ForProcess_DefaultWebWithOverrides_ShowsModeSourceSettingsAndChecks()
    {
        var overrides = new HealthCheckOverrides { Attempts = 9, Wait = TimeSpan.FromSeconds(2) };
        var settings = ProcessSettings.Default("web", 1) with { Checks = overrides };

        var report = ChecksReports.ForProcess(ReleaseChecks.None.PlanFor("web", overrides), settings);

        Assert.Equal(("web", "enabled", "default"), (report.Process, report.Mode, report.Source));
        Assert.Equal((2, 0, 9), (report.WaitSeconds, report.TimeoutSeconds, report.Attempts));
        Assert.Equal(["default-listening", "default-uptime"], report.Checks.Select(c => c.Name));
        Assert.Equal("PORT accepts connections", report.Checks[0].Target);
        Assert.All(report.Checks, c => Assert.Equal(9, c.Attempts));
    }

    [Fact]
    public void ForProcess_Disabled_ShowsNoCheck()
    {
        var overrides = new HealthCheckOverrides { Mode = HealthCheckMode.Disabled };
        var settings = ProcessSettings.Default("web", 1) with { Checks = overrides };

        var report = ChecksReports.ForProcess(ReleaseChecks.None.PlanFor("web", overrides), settings);

        Assert.Equal(("disabled", "none"), (report.Mode, report.Source));
        Assert.Empty(report.Checks);
    }

    [Theory]
    [InlineData(HealthCheckSource.AppJson, "app.json")]
    [InlineData(HealthCheckSource.ChecksFile, "CHECKS")]
    [InlineData(HealthCheckSource.Default, "default")]
    [InlineData(HealthCheckSource.None, "none")]
    public void SourceName_EverySource_HasTheApiWord(HealthCheckSource source, string word)
    {
        Assert.Equal(word, ChecksReports.SourceName(source));
    }
}
