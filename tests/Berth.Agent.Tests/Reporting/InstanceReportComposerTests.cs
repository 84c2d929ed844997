using Berth.Agent.Containers;
using Berth.Agent.Health;
using Berth.Agent.Reporting;
using Berth.Agent.Supervision;
using Berth.Agent.Tests.Containers;
using Berth.Contracts;

namespace Berth.Agent.Tests.Reporting;

public sealed class InstanceReportComposerTests
{
    private static readonly HashSet<int> NoPorts = [];

    private static readonly DateTimeOffset Started = new(2025, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Compose_ListeningContainerAccepting_IsRunning()
    {
        var container = Fixtures.Managed(index: 2, release: 5, port: 20001);

        var report = Compose([container], new HashSet<int> { 20001 }, []);

        var status = Assert.Single(report.Instances);
        Assert.Equal(
            new InstanceStatus
            {
                Instance = "shop.web.2",
                App = "shop",
                Process = "web",
                Release = 5,
                State = "running",
                Port = 20001,
                ContainerId = container.Id,
            },
            status);
    }

    [Fact]
    public void Compose_ListeningContainerNotAcceptingYet_IsStarting()
    {
        var report = Compose([Fixtures.Managed(port: 20001)], NoPorts, []);

        Assert.Equal("starting", Assert.Single(report.Instances).State);
    }

    [Fact]
    public void Compose_RunningWorker_IsRunningWithoutAProbe()
    {
        var report = Compose([Fixtures.Managed(process: "worker")], NoPorts, []);

        Assert.Equal("running", Assert.Single(report.Instances).State);
    }

    [Fact]
    public void Compose_ExitedContainer_ReportsItsExitCode()
    {
        var container = Fixtures.Managed(state: DockerStates.Exited, exitCode: 137);

        var status = Assert.Single(Compose([container], NoPorts, []).Instances);

        Assert.Equal("exited", status.State);
        Assert.Equal(137, status.ExitCode);
    }

    [Theory]
    [InlineData(DockerStates.Created, "starting")]
    [InlineData(DockerStates.Restarting, "exited")]
    [InlineData(DockerStates.Dead, "exited")]
    [InlineData(DockerStates.Paused, "failed")]
    [InlineData("weird", "failed")]
    public void StateOf_OtherDockerStates_MapToInstanceStates(string dockerState, string expected)
    {
        var (state, _) = InstanceReportComposer.StateOf(Fixtures.Managed(state: dockerState), accepting: false);

        Assert.Equal(expected, state);
    }

    [Fact]
    public void Compose_InstanceBeingPulled_IsStartingWithoutContainer()
    {
        var assignment = Fixtures.Assignment(index: 4);
        var pending = new PendingInstance(assignment.ContainerName, assignment, 20004, InstanceStates.Starting, "");

        var status = Assert.Single(Compose([], NoPorts, [pending]).Instances);

        Assert.Equal(
            ("shop.web.4", "starting", 20004, ""),
            (status.Instance, status.State, status.Port, status.ContainerId));
    }

    [Fact]
    public void Compose_FailedPull_IsFailedWithTheMessage()
    {
        var assignment = Fixtures.Assignment();
        var pending =
            new PendingInstance(assignment.ContainerName, assignment, 20000, InstanceStates.Failed, "pull failed");

        var status = Assert.Single(Compose([], NoPorts, [pending]).Instances);

        Assert.Equal(("failed", "pull failed"), (status.State, status.Message));
    }

    [Fact]
    public void Compose_FailedStartOfAStoppedContainer_IsFailedWithTheMessage()
    {
        var container = Fixtures.Managed(state: DockerStates.Exited, exitCode: 1);
        var pending = new PendingInstance(container.Name, null, 0, InstanceStates.Failed, "cannot start");

        var status = Assert.Single(Compose([container], NoPorts, [pending]).Instances);

        Assert.Equal(("failed", "cannot start", 1), (status.State, status.Message, status.ExitCode));
    }

    [Fact]
    public void Compose_FailureOnARunningContainer_KeepsItsStateAndShowsTheMessage()
    {
        var container = Fixtures.Managed(process: "worker");
        var pending = new PendingInstance(container.Name, null, 0, InstanceStates.Failed, "stop failed");

        var status = Assert.Single(Compose([container], NoPorts, [pending]).Instances);

        Assert.Equal(("running", "stop failed"), (status.State, status.Message));
    }

    [Fact]
    public void Compose_PendingEntryWithoutAssignmentOrContainer_IsLeftOut()
    {
        var pending = new PendingInstance("gone.web.1.v1", null, 0, InstanceStates.Failed, "x");

        Assert.Empty(Compose([], NoPorts, [pending]).Instances);
    }

    [Fact]
    public void Compose_UnmanagedContainers_AreLeftOut()
    {
        Assert.Empty(Compose([Fixtures.Unmanaged("dokku.web.1")], NoPorts, []).Instances);
    }

    [Fact]
    public void Compose_ManyInstances_SortsByInstanceThenRelease()
    {
        var report = Compose(
            [
                Fixtures.Managed(index: 2, release: 4),
                Fixtures.Managed(index: 1, release: 4),
                Fixtures.Managed(index: 1, release: 3),
            ],
            NoPorts,
            []);

        Assert.Equal(
            [("shop.web.1", 3), ("shop.web.1", 4), ("shop.web.2", 4)],
            report.Instances.Select(status => (status.Instance, status.Release)));
    }

    [Fact]
    public void Compose_SameInputs_GivesEqualReports()
    {
        var first = Compose([Fixtures.Managed(port: 20000)], NoPorts, []);
        var second = Compose([Fixtures.Managed(port: 20000)], NoPorts, []);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Compose_RunningContainer_ReportsStartedAtAndRestarts()
    {
        var container = Fixtures.Managed(process: "worker", startedAt: Started);
        var record = RestartRecord.New(container.Id) with { Restarts = 4 };

        var status = Assert.Single(Compose([container], NoPorts, [], Restarts(record)).Instances);

        Assert.Equal(
            ("running", 4, "2025-05-01T12:00:00.0000000+00:00", ""),
            (status.State, status.Restarts, status.StartedAt, status.NextRestartAt));
    }

    [Fact]
    public void Compose_CrashedContainerWaiting_IsCrashedWithExitCodeAndNextTry()
    {
        var container = Fixtures.Managed(
            process: "worker",
            state: DockerStates.Exited,
            exitCode: 3,
            startedAt: Started,
            finishedAt: Started.AddSeconds(1));
        var record = RestartRecord.New(container.Id) with
        {
            Restarts = 2,
            Streak = 3,
            ExitCode = 3,
            Delay = TimeSpan.FromSeconds(4),
            NextRestartAt = Started.AddSeconds(5),
        };

        var status = Assert.Single(Compose([container], NoPorts, [], Restarts(record)).Instances);

        Assert.Equal("crashed", status.State);
        Assert.Equal(3, status.ExitCode);
        Assert.Equal(2, status.Restarts);
        Assert.Equal("2025-05-01T12:00:05.0000000+00:00", status.NextRestartAt);
        Assert.Equal("exited with code 3; restarting in 4 s", status.Message);
        Assert.Equal("", status.StartedAt);
    }

    [Fact]
    public void Compose_ExitedContainerNotWaiting_StaysExited()
    {
        var container = Fixtures.Managed(state: DockerStates.Exited, exitCode: 0);
        var record = RestartRecord.New(container.Id) with { Restarts = 1 };

        var status = Assert.Single(Compose([container], NoPorts, [], Restarts(record)).Instances);

        Assert.Equal(("exited", 1, ""), (status.State, status.Restarts, status.NextRestartAt));
    }

    [Fact]
    public void Compose_RecordWaitingButContainerRunningAgain_IsRunning()
    {
        var container = Fixtures.Managed(process: "worker", startedAt: Started);
        var record = RestartRecord.New(container.Id) with { NextRestartAt = Started.AddSeconds(1) };

        var status = Assert.Single(Compose([container], NoPorts, [], Restarts(record)).Instances);

        Assert.Equal(("running", ""), (status.State, status.NextRestartAt));
    }

    [Fact]
    public void Compose_WaitingRestartAndAnOlderFailedStep_ReportsTheWaitingRestart()
    {
        var container = Fixtures.Managed(state: DockerStates.Exited, exitCode: 1);
        var record = RestartRecord.New(container.Id) with
        {
            ExitCode = 1,
            Delay = TimeSpan.FromSeconds(1),
            NextRestartAt = Started,
        };
        var pending = new PendingInstance(container.Name, null, 0, InstanceStates.Failed, "cannot start");

        var status = Assert.Single(Compose([container], NoPorts, [pending], Restarts(record)).Instances);

        Assert.Equal(("crashed", "exited with code 1; restarting in 1 s"), (status.State, status.Message));
    }

    [Fact]
    public void Compose_PreviewOfAnExitTheSupervisorHasNotSeen_IsCrashedNotExited()
    {
        var container = Fixtures.Managed(
            process: "worker",
            state: DockerStates.Exited,
            exitCode: 3,
            startedAt: Started,
            finishedAt: Started.AddSeconds(1));
        var assigned = new HashSet<string> { container.Name };

        var preview = RestartPlanner.Plan(Restarts(), [container], assigned, Started.AddSeconds(1.5)).Records;
        var status = Assert.Single(Compose([container], NoPorts, [], preview).Instances);

        Assert.Equal(
            ("crashed", "2025-05-01T12:00:02.0000000+00:00", "exited with code 3; restarting in 1 s"),
            (status.State, status.NextRestartAt, status.Message));
    }

    [Fact]
    public void Compose_ChecksRunning_IsStartingWithTheirProgressEvenWhenThePortAccepts()
    {
        var container = Fixtures.Managed(port: 20001, startedAt: Started);
        var check = Check(container, StartupCheckState.Checking, "check 'root' attempt 2/5: HTTP 503");

        var status = Assert.Single(Compose([container], new HashSet<int> { 20001 }, [], checks: check).Instances);

        Assert.Equal(("starting", "check 'root' attempt 2/5: HTTP 503"), (status.State, status.Message));
    }

    [Fact]
    public void Compose_ChecksPassed_IsRunningEvenWhenAProbeMissed()
    {
        var container = Fixtures.Managed(port: 20001, startedAt: Started);
        var check = Check(container, StartupCheckState.Passed, "");

        var status = Assert.Single(Compose([container], NoPorts, [], checks: check).Instances);

        Assert.Equal(("running", ""), (status.State, status.Message));
    }

    [Fact]
    public void Compose_ChecksPassedForAnEarlierStart_FallsBackToThePortProbe()
    {
        var container = Fixtures.Managed(port: 20001, startedAt: Started.AddMinutes(1));
        var check = Check(container, StartupCheckState.Passed, "");

        var status = Assert.Single(Compose([container], NoPorts, [], checks: check).Instances);

        Assert.Equal("starting", status.State);
    }

    [Fact]
    public void Compose_ChecksFailed_IsFailedWithTheLogTailWhateverDockerSays()
    {
        var container = Fixtures.Managed(state: DockerStates.Exited, exitCode: 1, startedAt: Started);
        var check = Check(
            container,
            StartupCheckState.Failed,
            "startup check 'root' failed after 3 attempts: HTTP 500",
            ["booting", "panic"]);

        var status = Assert.Single(Compose([container], NoPorts, [], checks: check).Instances);

        Assert.Equal(
            ("failed", "startup check 'root' failed after 3 attempts: HTTP 500", 1),
            (status.State, status.Message, status.ExitCode));
        Assert.Equal(["booting", "panic"], status.LogTail);
    }

    [Fact]
    public void Compose_WithoutChecks_HasNoLogTail()
    {
        var container = Fixtures.Managed(state: DockerStates.Exited, exitCode: 1);

        var status = Assert.Single(Compose([container], NoPorts, []).Instances);

        Assert.Empty(status.LogTail);
    }

    private static Dictionary<string, StartupCheckStatus> Check(
        ObservedContainer container,
        StartupCheckState state,
        string message,
        IReadOnlyList<string>? tail = null) =>
        new() { [container.Id] = new StartupCheckStatus(container.Id, Started, state, message, tail ?? [], 0) };

    private static InstanceReport Compose(
        IReadOnlyList<ObservedContainer> containers,
        IReadOnlySet<int> acceptingPorts,
        IReadOnlyList<PendingInstance> pending,
        IReadOnlyDictionary<string, RestartRecord>? restarts = null,
        IReadOnlyDictionary<string, StartupCheckStatus>? checks = null) =>
        InstanceReportComposer.Compose(
            containers,
            acceptingPorts,
            pending,
            restarts ?? new Dictionary<string, RestartRecord>(),
            checks);

    private static Dictionary<string, RestartRecord> Restarts(params RestartRecord[] records) =>
        records.ToDictionary(record => record.ContainerId, StringComparer.Ordinal);
}
