using Berth.Agent.Health;
using Berth.Contracts;
using Berth.Core.Health;

namespace Berth.Agent.Tests.Health;

public sealed class HealthCheckSpecReaderTests
{
    [Fact]
    public void Read_HttpSpec_CopiesEveryField()
    {
        var spec = Specs.Http("root", "/health");
        spec.Content = "ok";
        spec.Scheme = "https";
        spec.Headers.Add(new HttpHeaderSpec { Name = "Host", Value = "shop.example" });
        spec.Warn = true;

        var (check, error) = HealthCheckSpecReader.Read(spec, 0, instancePort: 20000);

        Assert.Null(error);
        Assert.Equal(
            new HealthCheck
            {
                Name = "root",
                Kind = HealthCheckKind.Http,
                Path = "/health",
                Content = "ok",
                Scheme = HealthCheckScheme.Https,
                HttpHeaders = [new HttpHeader("Host", "shop.example")],
                Attempts = 3,
                Timeout = TimeSpan.FromSeconds(5),
                Wait = TimeSpan.FromSeconds(1),
                Warn = true,
            },
            check);
    }

    [Theory]
    [InlineData("ping", "/", 3, 1000, "its kind 'ping' is not one of http, command, uptime, listening")]
    [InlineData("http", "", 3, 1000, "an http check needs a path starting with /, not ''")]
    [InlineData("http", "health", 3, 1000, "an http check needs a path starting with /, not 'health'")]
    [InlineData("http", "/", 0, 1000, "it has 0 attempts, and needs at least 1")]
    [InlineData("http", "/", 3, 0, "its timeout is 0 ms, and must be above 0")]
    [InlineData("command", "", 3, 1000, "a command check needs a command to run")]
    [InlineData("uptime", "", 3, 0, "an uptime check needs an uptime above 0, not 0 ms")]
    public void Read_BadSpec_GivesOneClearReason(string kind, string path, int attempts, int timeoutMs, string problem)
    {
        var spec = new HealthCheckSpec
        {
            Name = "bad",
            Kind = kind,
            Path = path,
            Attempts = attempts,
            TimeoutMs = timeoutMs,
        };

        var (checks, error) = HealthCheckSpecReader.Read([Specs.Listening("first"), spec], instancePort: 20000);

        Assert.Empty(checks);
        Assert.Equal($"startup check 'bad' cannot run: {problem}; fix it in app.json (healthchecks) "
            + "or the CHECKS file and deploy again", error);
    }

    [Fact]
    public void Read_PortlessCheckOfAnInstanceWithoutPort_SaysToGiveAPort()
    {
        var (_, error) = HealthCheckSpecReader.Read([Specs.Listening("up")], instancePort: 0);

        Assert.Contains("only web instances have; give the check a port", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnnamedCheck_IsNamedByItsPosition()
    {
        var spec = Specs.Listening("");
        spec.Attempts = 0;

        var (_, error) = HealthCheckSpecReader.Read([Specs.Listening("a"), spec], instancePort: 20000);

        Assert.StartsWith("startup check '#2' cannot run", error, StringComparison.Ordinal);
    }
}
