using Berth.ControlPlane.Scheduling;
using Berth.Core.Health;

namespace Berth.ControlPlane.Tests.Scheduling;

public sealed class HealthCheckSpecsTests
{
    [Fact]
    public void From_HttpCheck_CarriesEveryHttpField()
    {
        var check = HealthCheck.ForPath("ready", "/health?deep=1") with
        {
            Content = "ok",
            Scheme = HealthCheckScheme.Https,
            HttpHeaders = [new HttpHeader("Host", "shop.example.com")],
            Port = 8443,
            Attempts = 7,
            Timeout = TimeSpan.FromSeconds(3),
            Wait = TimeSpan.FromSeconds(2),
            InitialDelay = TimeSpan.FromSeconds(4),
            Warn = true,
        };

        var spec = HealthCheckSpecs.From(check);

        Assert.Equal(("ready", "http", "/health?deep=1"), (spec.Name, spec.Kind, spec.Path));
        Assert.Equal(("ok", "https"), (spec.Content, spec.Scheme));
        Assert.Equal(("Host", "shop.example.com"), (spec.Headers[0].Name, spec.Headers[0].Value));
        Assert.Equal((8443, 7), (spec.Port, spec.Attempts));
        Assert.Equal((3000, 2000, 4000), (spec.TimeoutMs, spec.WaitMs, spec.InitialDelayMs));
        Assert.True(spec.Warn);
        Assert.Empty(spec.Command);
    }

    [Fact]
    public void From_DefaultWebChecks_AreListeningOnPortThenUptime()
    {
        var specs = HealthCheckDefaults.ChecksFor("web").Select(HealthCheckSpecs.From).ToList();

        Assert.Equal(["listening", "uptime"], specs.Select(s => s.Kind));
        Assert.Equal((0, 60, 1000), (specs[0].Port, specs[0].Attempts, specs[0].TimeoutMs));
        Assert.Equal(10_000, specs[1].UptimeMs);
        Assert.Equal("", specs[1].Scheme);
    }

    [Fact]
    public void From_CommandCheck_CarriesTheWordsUnexpanded()
    {
        var spec = HealthCheckSpecs.From(HealthCheck.ForCommand("c", ["sh", "-c", "test $PORT"]));

        Assert.Equal("command", spec.Kind);
        Assert.Equal(["sh", "-c", "test $PORT"], spec.Command);
        Assert.Equal("", spec.Path);
    }
}
