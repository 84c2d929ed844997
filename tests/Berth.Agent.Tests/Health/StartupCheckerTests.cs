using Berth.Agent.Containers;
using Berth.Agent.Health;
using Berth.Agent.Tests.Containers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Berth.Agent.Tests.Health;

public sealed class StartupCheckerTests
{
    private static readonly DateTimeOffset Start = new(2025, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);
    private readonly FakeCheckHost _host = new() { Container = _ => Running() };

    [Fact]
    public async Task Begin_TwoContainers_CheckThemAtTheSameTime()
    {
        _host.ExpectProbes = 2;
        var checker = new StartupChecker(_host, _time, NullLogger<StartupChecker>.Instance);
        var assignment = WithChecks(Specs.Listening("port"));

        checker.Begin("c1", assignment, 20000, default);
        checker.Begin("c2", assignment with { Index = 2 }, 20001, default);

        await _host.AllProbing.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Begin_CheckExhausted_FailsWithTheLogTailAndHoldsTheContainer()
    {
        var spec = Specs.Http("root", "/");
        spec.Attempts = 2;
        _host.Answers.Enqueue(Berth.Agent.Health.CheckResult.Failed("the answer was HTTP 500"));
        _host.Answers.Enqueue(Berth.Agent.Health.CheckResult.Failed("the answer was HTTP 502"));
        var checker = new StartupChecker(_host, _time, NullLogger<StartupChecker>.Instance);

        checker.Begin("c1", WithChecks(spec), 20000, default);
        var status = await WaitForAsync(checker, "c1", StartupCheckState.Failed);

        Assert.Equal("startup check 'root' failed after 2 attempts: the answer was HTTP 502", status.Message);
        Assert.Equal(["booting", "panic: no database"], status.LogTail);
        Assert.Equal(new HashSet<string> { "c1" }, checker.Failed());
    }

    [Fact]
    public async Task Begin_ContainerNotRunning_LeavesItToTheCrashRulesAndHoldsNothing()
    {
        _host.Container = _ => new ContainerDetails(DockerStates.Exited, 127, Start, Start, false);
        var checker = new StartupChecker(_host, _time, NullLogger<StartupChecker>.Instance);
        var changes = 0;
        checker.Changed += () => changes++;

        checker.Begin("c1", WithChecks(Specs.Listening("port")), 20000, default);
        for (var step = 0; step < 3000 && checker.Snapshot().ContainsKey("c1"); step++)
        {
            await Task.Delay(1);
            _time.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.False(checker.Snapshot().ContainsKey("c1"), "a crashed container kept a check status");
        Assert.Empty(checker.Failed());
        Assert.True(changes >= 2, "the end of the checks was not announced");
    }

    [Fact]
    public void Begin_NoChecks_KeepsNoStatus()
    {
        var checker = new StartupChecker(_host, _time, NullLogger<StartupChecker>.Instance);

        checker.Begin("c1", Fixtures.Assignment(), 20000, default);

        Assert.Empty(checker.Snapshot());
    }

    [Fact]
    public void Retain_ContainerGoneBeforeTheListing_IsForgotten()
    {
        _host.ExpectProbes = 99;
        var checker = new StartupChecker(_host, _time, NullLogger<StartupChecker>.Instance);
        checker.Begin("gone", WithChecks(Specs.Listening("port")), 20000, default);
        checker.Begin("kept", WithChecks(Specs.Listening("port")), 20001, default);
        _time.Advance(TimeSpan.FromMilliseconds(10));

        checker.Retain(["kept"], _time.GetTimestamp());

        Assert.Equal(["kept"], checker.Snapshot().Keys);
    }

    private async Task<StartupCheckStatus> WaitForAsync(StartupChecker checker, string id, StartupCheckState state)
    {
        for (var step = 0; step < 3000; step++)
        {
            if (checker.Snapshot().TryGetValue(id, out var status) && status.State == state)
            {
                return status;
            }

            await Task.Delay(1);
            _time.Advance(TimeSpan.FromMilliseconds(100));
        }

        throw new TimeoutException($"container {id} never reached {state}");
    }

    private static InstanceAssignment WithChecks(params Berth.Contracts.HealthCheckSpec[] specs) =>
        Fixtures.Assignment() with { Checks = specs };

    private static ContainerDetails Running() => new(DockerStates.Running, 0, Start, null, false);
}
