using Berth.Agent.Containers;
using Berth.Agent.Health;
using Berth.Core.Health;
using Microsoft.Extensions.Time.Testing;

namespace Berth.Agent.Tests.Health;

public sealed class StartupCheckDriverTests
{
    private static readonly DateTimeOffset Start = new(2025, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);
    private readonly FakeCheckHost _host = new();
    private readonly List<StartupCheckRun> _seen = [];

    public StartupCheckDriverTests()
    {
        _host.Container = _ => Running(Start);
    }

    [Fact]
    public async Task RunAsync_RetriesThenPasses_WaitsTheWaitBetweenAttempts()
    {
        var check = HealthCheck.ForPath("root", "/") with { Attempts = 3, Wait = TimeSpan.FromSeconds(2) };
        _host.Answers.Enqueue(CheckResult.Failed("connection refused"));
        _host.Answers.Enqueue(CheckResult.Passed);

        var run = await DriveAsync([check]);

        Assert.Equal(StartupCheckState.Passed, run.State);
        Assert.Equal(2, _host.Probes);
        Assert.Contains(_seen, seen => seen.Message == "check 'root' attempt 2/3: connection refused");
        Assert.True(_time.GetUtcNow() >= Start.AddSeconds(2));
    }

    [Fact]
    public async Task RunAsync_ProbeNeverAnswers_FailsEachAttemptAtItsTimeout()
    {
        var check = HealthCheck.ForListening("port") with
        {
            Attempts = 2,
            Timeout = TimeSpan.FromSeconds(3),
            Wait = TimeSpan.FromSeconds(1),
        };

        var run = await DriveAsync([check]);

        Assert.Equal(StartupCheckState.Failed, run.State);
        Assert.Equal("startup check 'port' failed after 2 attempts: no answer within 3 s", run.Message);
        Assert.InRange(_time.GetUtcNow(), Start.AddSeconds(7), Start.AddSeconds(8));
    }

    [Fact]
    public async Task RunAsync_InitialDelay_FirstAttemptWaitsForIt()
    {
        var check = HealthCheck.ForListening("port") with { InitialDelay = TimeSpan.FromSeconds(5) };
        _host.Answers.Enqueue(CheckResult.Passed);

        var run = await DriveAsync([check]);

        Assert.Equal(StartupCheckState.Passed, run.State);
        Assert.True(_time.GetUtcNow() >= Start.AddSeconds(5));
    }

    [Fact]
    public async Task RunAsync_UptimeWithoutRestart_PassesOnceReached()
    {
        var run = await DriveAsync([HealthCheck.ForUptime("settle", TimeSpan.FromSeconds(10)) with { Attempts = 1 }]);

        Assert.Equal(StartupCheckState.Passed, run.State);
        Assert.True(_time.GetUtcNow() >= Start.AddSeconds(10));
        Assert.Equal(0, _host.Probes);
    }

    [Fact]
    public async Task RunAsync_UptimeAndTheContainerRestarts_IsInterrupted()
    {
        _host.Container = _ => _time.GetUtcNow() < Start.AddSeconds(4) ? Running(Start) : Running(Start.AddSeconds(4));

        var run = await DriveAsync([HealthCheck.ForUptime("settle", TimeSpan.FromSeconds(10)) with { Attempts = 1 }]);

        // The first look is at the start (not yet 10 s); the next, after 10 s, sees the later start.
        Assert.Equal(StartupCheckState.Interrupted, run.State);
        Assert.Equal(
            "startup check 'settle' did not finish: the container restarted before its checks passed",
            run.Message);
    }

    [Fact]
    public async Task RunAsync_ContainerExitsBetweenAttempts_IsInterruptedWithoutUsingTheRest()
    {
        var check = HealthCheck.ForPath("root", "/") with { Attempts = 10, Wait = TimeSpan.FromSeconds(1) };
        _host.Answers.Enqueue(CheckResult.Failed("connection refused"));
        var exited = new ContainerDetails(DockerStates.Exited, 1, Start, null, false);
        _host.Container = _ => _host.Probes == 0 ? Running(Start) : exited;

        var run = await DriveAsync([check]);

        Assert.Equal(StartupCheckState.Interrupted, run.State);
        Assert.Equal(1, _host.Probes);
        Assert.Contains("exit code 1", run.Message, StringComparison.Ordinal);
    }

    private async Task<StartupCheckRun> DriveAsync(IReadOnlyList<HealthCheck> checks)
    {
        var driver = new StartupCheckDriver(_host, _time);
        var run = StartupCheckRun.Begin(checks, Start);
        var task = driver.RunAsync(run, new CheckTarget("c1", 20000), _seen.Add, default);

        return await Clock.RunAsync(task, _time);
    }

    private static ContainerDetails Running(DateTimeOffset startedAt) =>
        new(DockerStates.Running, 0, startedAt, null, false);
}
