using Berth.Core.Health;

namespace Berth.Core.Tests.Health;

public sealed class HealthCheckDefaultsTests
{
    [Fact]
    public void ChecksFor_Web_ListensOnItsPortThenSettlesForTenSeconds()
    {
        var checks = HealthCheckDefaults.ChecksFor("web");

        Assert.Equal(
            [
                new HealthCheck
                {
                    Name = "default-listening",
                    Kind = HealthCheckKind.Listening,
                    Port = null,
                    Attempts = 60,
                    Timeout = TimeSpan.FromSeconds(1),
                    Wait = TimeSpan.FromSeconds(1),
                },
                new HealthCheck
                {
                    Name = "default-uptime",
                    Kind = HealthCheckKind.Uptime,
                    Uptime = TimeSpan.FromSeconds(10),
                },
            ],
            checks);
    }

    [Theory]
    [InlineData("worker")]
    [InlineData("clock")]
    [InlineData("Web")]
    public void ChecksFor_OtherTypes_OnlySettle(string process)
    {
        var checks = HealthCheckDefaults.ChecksFor(process);

        Assert.Equal([HealthCheck.ForUptime("default-uptime", TimeSpan.FromSeconds(10))], checks);
    }

    [Fact]
    public void ChecksFor_AreStartupChecksThatFailTheDeploy()
    {
        Assert.All(HealthCheckDefaults.ChecksFor("web"), check =>
        {
            Assert.Equal(HealthCheckPurpose.Startup, check.Purpose);
            Assert.False(check.Warn);
            Assert.Equal(TimeSpan.Zero, check.InitialDelay);
        });
    }
}
