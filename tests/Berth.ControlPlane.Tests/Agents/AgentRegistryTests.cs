using Berth.Contracts;
using Berth.ControlPlane.Agents;
using Berth.Core.Placement;
using Microsoft.Extensions.Time.Testing;

namespace Berth.ControlPlane.Tests.Agents;

public sealed class AgentRegistryTests
{
    private static readonly TimeSpan JustOverTheWindow = AgentRegistry.LivenessWindow + TimeSpan.FromSeconds(1);

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void StatusOf_RightAfterAttach_IsReady()
    {
        var registry = new AgentRegistry(time);
        time.Advance(TimeSpan.FromMinutes(10));

        registry.Attach(Registration("node-1"));

        Assert.Equal(NodeStatus.Ready, registry.StatusOf("node-1"));
        Assert.Equal(time.GetUtcNow(), registry.LastSeen("node-1"));
    }

    [Fact]
    public void StatusOf_AtTheEndOfTheWindowWithoutTouch_IsStillReady()
    {
        var registry = new AgentRegistry(time);
        registry.Attach(Registration("node-1"));

        time.Advance(AgentRegistry.LivenessWindow);

        Assert.Equal(NodeStatus.Ready, registry.StatusOf("node-1"));
    }

    [Fact]
    public void StatusOf_AfterTheWindowWithoutTouch_IsDown()
    {
        var registry = new AgentRegistry(time);
        registry.Attach(Registration("node-1"));

        time.Advance(JustOverTheWindow);

        Assert.Equal(NodeStatus.Down, registry.StatusOf("node-1"));
    }

    [Fact]
    public void StatusOf_TouchedWithinEachWindow_StaysReady()
    {
        var registry = new AgentRegistry(time);
        var session = registry.Attach(Registration("node-1"));

        for (var i = 0; i < 10; i++)
        {
            time.Advance(AgentRegistry.HeartbeatInterval);
            registry.Touch(session);
        }

        time.Advance(AgentRegistry.LivenessWindow - TimeSpan.FromSeconds(1));
        Assert.Equal(NodeStatus.Ready, registry.StatusOf("node-1"));
    }

    [Fact]
    public void StatusOf_DownThenTouched_IsReadyAgain()
    {
        var registry = new AgentRegistry(time);
        var session = registry.Attach(Registration("node-1"));
        time.Advance(JustOverTheWindow);
        Assert.Equal(NodeStatus.Down, registry.StatusOf("node-1"));

        registry.Touch(session);

        Assert.Equal(NodeStatus.Ready, registry.StatusOf("node-1"));
    }

    [Fact]
    public void StatusOf_NodeNeverSeenWithinTheFirstWindow_IsReady()
    {
        var registry = new AgentRegistry(time);

        time.Advance(AgentRegistry.LivenessWindow - TimeSpan.FromSeconds(1));

        Assert.Equal(NodeStatus.Ready, registry.StatusOf("node-9"));
        Assert.Null(registry.LastSeen("node-9"));
    }

    [Fact]
    public void StatusOf_NodeNeverSeenAfterTheFirstWindow_IsDown()
    {
        var registry = new AgentRegistry(time);

        time.Advance(JustOverTheWindow);

        Assert.Equal(NodeStatus.Down, registry.StatusOf("node-9"));
    }

    [Fact]
    public void StatusOf_OneNodeTouched_LeavesTheOtherDown()
    {
        var registry = new AgentRegistry(time);
        var first = registry.Attach(Registration("node-1"));
        registry.Attach(Registration("node-2"));
        time.Advance(JustOverTheWindow);

        registry.Touch(first);

        Assert.Equal(NodeStatus.Ready, registry.StatusOf("node-1"));
        Assert.Equal(NodeStatus.Down, registry.StatusOf("node-2"));
    }

    [Fact]
    public void Attach_SameNodeAgain_ClosesTheOlderSessionAndKeepsTheNewer()
    {
        var registry = new AgentRegistry(time);
        var older = registry.Attach(Registration("node-1"));

        var newer = registry.Attach(Registration("node-1"));

        Assert.True(older.Outbox.Completion.IsCompleted);
        Assert.False(newer.Outbox.Completion.IsCompleted);
        Assert.Same(newer, registry.Find("node-1"));
        Assert.Same(newer, Assert.Single(registry.Sessions));
    }

    [Fact]
    public void Attach_TwoNodes_KeepsBothOpen()
    {
        var registry = new AgentRegistry(time);

        var first = registry.Attach(Registration("node-1"));
        var second = registry.Attach(Registration("node-2"));

        Assert.False(first.Outbox.Completion.IsCompleted);
        Assert.Equal(2, registry.Sessions.Count);
        Assert.Same(second, registry.Find("node-2"));
    }

    [Fact]
    public void Detach_CurrentSession_RemovesIt()
    {
        var registry = new AgentRegistry(time);
        var session = registry.Attach(Registration("node-1"));

        registry.Detach(session);

        Assert.Null(registry.Find("node-1"));
        Assert.Empty(registry.Sessions);
    }

    [Fact]
    public void Detach_OlderSession_KeepsTheNewerOne()
    {
        var registry = new AgentRegistry(time);
        var older = registry.Attach(Registration("node-1"));
        var newer = registry.Attach(Registration("node-1"));

        registry.Detach(older);

        Assert.Same(newer, registry.Find("node-1"));
    }

    [Fact]
    public void Detach_Session_KeepsTheNodeReadyWithinTheWindow()
    {
        var registry = new AgentRegistry(time);
        var session = registry.Attach(Registration("node-1"));
        time.Advance(TimeSpan.FromSeconds(5));

        registry.Detach(session);

        Assert.Equal(NodeStatus.Ready, registry.StatusOf("node-1"));
        time.Advance(AgentRegistry.LivenessWindow);
        Assert.Equal(NodeStatus.Down, registry.StatusOf("node-1"));
    }

    [Fact]
    public void StatusOfInstance_Reported_ReturnsThatReleasesStatus()
    {
        var registry = new AgentRegistry(time);
        var session = registry.Attach(Registration("node-1"));
        session.Instances =
        [
            Reported("shop.web.1", 1, InstanceStates.Exited),
            Reported("shop.web.1", 2, InstanceStates.Running),
            Reported("shop.worker.1", 2, InstanceStates.Starting),
        ];

        var status = registry.StatusOf("node-1", "shop.web.1", 2);

        Assert.NotNull(status);
        Assert.Equal(InstanceStates.Running, status.State);
        Assert.Equal(InstanceStates.Exited, registry.StatusOf("node-1", "shop.web.1", 1)!.State);
    }

    [Fact]
    public void StatusOfInstance_NotReported_ReturnsNull()
    {
        var registry = new AgentRegistry(time);
        var session = registry.Attach(Registration("node-1"));
        session.Instances = [Reported("shop.web.1", 1, InstanceStates.Running)];

        Assert.Null(registry.StatusOf("node-1", "shop.web.1", 2));
        Assert.Null(registry.StatusOf("node-1", "shop.web.2", 1));
        Assert.Null(registry.StatusOf("node-2", "shop.web.1", 1));
    }

    [Fact]
    public void IsRunning_ReportedRunningOnItsNode_IsTrue()
    {
        var registry = new AgentRegistry(time);
        var session = registry.Attach(Registration("node-1"));
        session.Instances = [Reported("shop.web.1", 3, InstanceStates.Running)];

        Assert.True(registry.IsRunning(Placed("node-1", release: 3)));
    }

    [Theory]
    [InlineData(InstanceStates.Starting)]
    [InlineData(InstanceStates.Exited)]
    [InlineData(InstanceStates.Failed)]
    public void IsRunning_ReportedInAnotherState_IsFalse(string state)
    {
        var registry = new AgentRegistry(time);
        var session = registry.Attach(Registration("node-1"));
        session.Instances = [Reported("shop.web.1", 3, state)];

        Assert.False(registry.IsRunning(Placed("node-1", release: 3)));
    }

    [Fact]
    public void IsRunning_RunningElsewhereOrOtherRelease_IsFalse()
    {
        var registry = new AgentRegistry(time);
        var session = registry.Attach(Registration("node-1"));
        session.Instances = [Reported("shop.web.1", 3, InstanceStates.Running)];
        registry.Attach(Registration("node-2"));

        Assert.False(registry.IsRunning(Placed("node-2", release: 3)));
        Assert.False(registry.IsRunning(Placed("node-1", release: 4)));
        Assert.False(registry.IsRunning(Placed("node-3", release: 3)));
    }

    private static Register Registration(string node) =>
        new() { Node = node, Address = "127.0.0.1", MemoryMb = 4096, PortRangeStart = 20000, PortRangeEnd = 20999 };

    private static InstanceStatus Reported(string instance, int release, string state)
    {
        var parts = instance.Split('.');
        return new InstanceStatus
        {
            Instance = instance,
            App = parts[0],
            Process = parts[1],
            Release = release,
            State = state,
        };
    }

    private static PlacedInstance Placed(string node, int release) => new("shop", "web", 1, release, node, 256);
}
