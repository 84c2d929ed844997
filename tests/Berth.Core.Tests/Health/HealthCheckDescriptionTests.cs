using Berth.Core.Health;

namespace Berth.Core.Tests.Health;

public sealed class HealthCheckDescriptionTests
{
    [Fact]
    public void Target_HttpWithContent_NamesPathAndText()
    {
        var check = HealthCheck.ForPath("ready", "/health") with { Content = "ok" };

        Assert.Equal("GET /health contains 'ok'", HealthCheckDescription.Target(check));
    }

    [Fact]
    public void Target_HttpsWithHostAndPort_NamesThemAll()
    {
        var check = HealthCheck.ForPath("ready", "/") with
        {
            Scheme = HealthCheckScheme.Https,
            Port = 8443,
            HttpHeaders = [new HttpHeader("Host", "example.com")],
        };

        Assert.Equal("GET / on port 8443 over https with Host example.com", HealthCheckDescription.Target(check));
    }

    [Fact]
    public void Target_ListeningOnPort_SaysPort()
    {
        Assert.Equal("PORT accepts connections", HealthCheckDescription.Target(HealthCheck.ForListening("l")));
        Assert.Equal(
            "port 5000 accepts connections",
            HealthCheckDescription.Target(HealthCheck.ForListening("l", 5000)));
    }

    [Fact]
    public void Target_UptimeAndCommand_SayWhatTheyWaitFor()
    {
        Assert.Equal(
            "up 10s without restarting",
            HealthCheckDescription.Target(HealthCheck.ForUptime("u", TimeSpan.FromSeconds(10))));
        Assert.Equal(
            "runs test -f /tmp/ready",
            HealthCheckDescription.Target(HealthCheck.ForCommand("c", ["test", "-f", "/tmp/ready"])));
    }
}
