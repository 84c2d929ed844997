using Berth.Cli.Commands;
using Berth.Contracts;

namespace Berth.Cli.Tests.Commands;

public sealed class InstanceViewTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2025-06-01T11:59:55Z", "5s")]
    [InlineData("2025-06-01T12:00:00Z", "0s")]
    [InlineData("2025-06-01T11:57:00Z", "3m")]
    [InlineData("2025-06-01T11:00:01Z", "59m")]
    [InlineData("2025-06-01T10:00:00Z", "2h")]
    [InlineData("2025-05-28T11:00:00Z", "4d")]
    [InlineData("2025-06-01T12:00:30Z", "0s")]
    [InlineData("2025-06-01T13:59:55+02:00", "5s")]
    [InlineData("2025-06-01T11:59:55.1234567Z", "4s")]
    public void Uptime_StartedAt_IsHumanized(string startedAt, string uptime)
    {
        var instance = new InstanceInfo { State = "running", StartedAt = startedAt };

        Assert.Equal(uptime, InstanceView.Uptime(instance, Now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    public void Uptime_NoStartTime_IsEmpty(string startedAt) =>
        Assert.Equal("", InstanceView.Uptime(new InstanceInfo { StartedAt = startedAt }, Now));

    [Theory]
    [InlineData("2025-06-01T12:00:04Z", "crashed (exit 3, retry in 4s)")]
    [InlineData("2025-06-01T12:00:03.2Z", "crashed (exit 3, retry in 4s)")]
    [InlineData("2025-06-01T12:02:00Z", "crashed (exit 3, retry in 2m)")]
    [InlineData("2025-06-01T12:00:00Z", "crashed (exit 3, retrying now)")]
    [InlineData("2025-06-01T11:59:00Z", "crashed (exit 3, retrying now)")]
    [InlineData("", "crashed (exit 3)")]
    public void State_Crashed_ShowsExitCodeAndRetry(string nextRestartAt, string state)
    {
        var instance = new InstanceInfo { State = "crashed", ExitCode = 3, NextRestartAt = nextRestartAt };

        Assert.Equal(state, InstanceView.State(instance, Now));
    }

    [Theory]
    [InlineData("running")]
    [InlineData("starting")]
    [InlineData("failed")]
    public void State_NotCrashed_IsAsReported(string state)
    {
        var instance = new InstanceInfo { State = state, ExitCode = 1, NextRestartAt = "2025-06-01T12:00:04Z" };

        Assert.Equal(state, InstanceView.State(instance, Now));
    }
}
