using Berth.Agent.Containers;
using Berth.Agent.Reporting;
using Berth.Agent.Tests.Containers;
using Berth.Contracts;

namespace Berth.Agent.Tests.Reporting;

public sealed class InstanceReportComposerTests
{
    private static readonly HashSet<int> NoPorts = [];

    [Fact]
    public void Compose_ListeningContainerAccepting_IsRunning()
    {
        var container = Fixtures.Managed(index: 2, release: 5, port: 20001);

        var report = InstanceReportComposer.Compose([container], new HashSet<int> { 20001 }, []);

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
        var report = InstanceReportComposer.Compose([Fixtures.Managed(port: 20001)], NoPorts, []);

        Assert.Equal("starting", Assert.Single(report.Instances).State);
    }

    [Fact]
    public void Compose_RunningWorker_IsRunningWithoutAProbe()
    {
        var report = InstanceReportComposer.Compose([Fixtures.Managed(process: "worker")], NoPorts, []);

        Assert.Equal("running", Assert.Single(report.Instances).State);
    }

    [Fact]
    public void Compose_ExitedContainer_ReportsItsExitCode()
    {
        var container = Fixtures.Managed(state: DockerStates.Exited, exitCode: 137);

        var status = Assert.Single(InstanceReportComposer.Compose([container], NoPorts, []).Instances);

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

        var status = Assert.Single(InstanceReportComposer.Compose([], NoPorts, [pending]).Instances);

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

        var status = Assert.Single(InstanceReportComposer.Compose([], NoPorts, [pending]).Instances);

        Assert.Equal(("failed", "pull failed"), (status.State, status.Message));
    }

    [Fact]
    public void Compose_FailedStartOfAStoppedContainer_IsFailedWithTheMessage()
    {
        var container = Fixtures.Managed(state: DockerStates.Exited, exitCode: 1);
        var pending = new PendingInstance(container.Name, null, 0, InstanceStates.Failed, "cannot start");

        var status = Assert.Single(InstanceReportComposer.Compose([container], NoPorts, [pending]).Instances);

        Assert.Equal(("failed", "cannot start", 1), (status.State, status.Message, status.ExitCode));
    }

    [Fact]
    public void Compose_FailureOnARunningContainer_KeepsItsStateAndShowsTheMessage()
    {
        var container = Fixtures.Managed(process: "worker");
        var pending = new PendingInstance(container.Name, null, 0, InstanceStates.Failed, "stop failed");

        var status = Assert.Single(InstanceReportComposer.Compose([container], NoPorts, [pending]).Instances);

        Assert.Equal(("running", "stop failed"), (status.State, status.Message));
    }

    [Fact]
    public void Compose_PendingEntryWithoutAssignmentOrContainer_IsLeftOut()
    {
        var pending = new PendingInstance("gone.web.1.v1", null, 0, InstanceStates.Failed, "x");

        Assert.Empty(InstanceReportComposer.Compose([], NoPorts, [pending]).Instances);
    }

    [Fact]
    public void Compose_UnmanagedContainers_AreLeftOut()
    {
        Assert.Empty(InstanceReportComposer.Compose([Fixtures.Unmanaged("dokku.web.1")], NoPorts, []).Instances);
    }

    [Fact]
    public void Compose_ManyInstances_SortsByInstanceThenRelease()
    {
        var report = InstanceReportComposer.Compose(
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
        var first = InstanceReportComposer.Compose([Fixtures.Managed(port: 20000)], NoPorts, []);
        var second = InstanceReportComposer.Compose([Fixtures.Managed(port: 20000)], NoPorts, []);

        Assert.Equal(first, second);
    }
}
