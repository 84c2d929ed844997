using Berth.Contracts;
using Berth.ControlPlane.Api;
using Berth.Core.Health;

namespace Berth.ControlPlane.Tests.Api;

public sealed class ChecksOptionsTests
{
    private static readonly HealthCheckOverrides Set = new()
    {
        Mode = HealthCheckMode.Skipped,
        Wait = TimeSpan.FromSeconds(5),
        Timeout = TimeSpan.FromSeconds(6),
        Attempts = 7,
    };

    [Fact]
    public void Apply_AllLeave_KeepsEverything()
    {
        var request = Request();

        Assert.Empty(ChecksOptions.Validate(request));
        Assert.Equal(Set, ChecksOptions.Apply(Set, request));
    }

    [Fact]
    public void Apply_Zero_ClearsAndPositiveSets()
    {
        var request = Request(mode: "disabled", wait: 0, timeout: 30, attempts: 0);

        var applied = ChecksOptions.Apply(Set, request);

        Assert.Equal(HealthCheckMode.Disabled, applied.Mode);
        Assert.Null(applied.Wait);
        Assert.Equal(TimeSpan.FromSeconds(30), applied.Timeout);
        Assert.Null(applied.Attempts);
    }

    [Fact]
    public void Validate_BadModeAndNumbers_ReportsEachOnce()
    {
        var errors = ChecksOptions.Validate(Request(mode: "off", wait: 601, timeout: -2, attempts: 101));

        Assert.Equal(4, errors.Count);
        Assert.Contains("'off' is not a checks mode; use enabled, skipped, disabled.", errors);
        Assert.Contains(errors, e => e.StartsWith("wait 601 is out of range", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("timeout -2 is out of range", StringComparison.Ordinal));
        Assert.Contains(
            "attempts 101 is out of range: give a whole number from 1 to 100, or 0 to clear it.",
            errors);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(600)]
    public void Validate_SecondsAtTheLimits_AreAccepted(int seconds)
    {
        Assert.Empty(ChecksOptions.Validate(Request(wait: seconds, timeout: seconds, attempts: 100)));
    }

    private static SetChecksRequest Request(string mode = "", int wait = -1, int timeout = -1, int attempts = -1) =>
        new()
        {
            App = "shop",
            Mode = mode,
            WaitSeconds = wait,
            TimeoutSeconds = timeout,
            Attempts = attempts,
        };
}
