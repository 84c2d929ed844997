using Berth.Agent.Connection;
using Berth.Contracts;

namespace Berth.Agent.Tests.Connection;

public sealed class AgentOutboxTests
{
    [Fact]
    public void TrySend_NoStreamOpen_DropsTheMessage()
    {
        var outbox = new AgentOutbox();

        Assert.False(outbox.TrySend(new AgentMessage { Heartbeat = new Heartbeat() }));
        Assert.False(outbox.IsOpen);
    }

    [Fact]
    public void TrySend_StreamOpen_QueuesForItsWriterInOrder()
    {
        var outbox = new AgentOutbox();
        var channel = outbox.Open();

        Assert.True(outbox.TrySend(new AgentMessage { BuildLog = new BuildLog { Line = "1" } }));
        Assert.True(outbox.TrySend(new AgentMessage { BuildLog = new BuildLog { Line = "2" } }));

        Assert.True(channel.Reader.TryRead(out var first));
        Assert.True(channel.Reader.TryRead(out var second));
        Assert.Equal(("1", "2"), (first.BuildLog.Line, second.BuildLog.Line));
    }

    [Fact]
    public void Close_ClosedStream_StopsTakingMessagesButLeavesANewerStreamOpen()
    {
        var outbox = new AgentOutbox();
        var old = outbox.Open();
        var current = outbox.Open();

        outbox.Close(old);

        Assert.True(outbox.TrySend(new AgentMessage { Heartbeat = new Heartbeat() }));
        Assert.True(current.Reader.TryRead(out _));

        outbox.Close(current);
        Assert.False(outbox.TrySend(new AgentMessage { Heartbeat = new Heartbeat() }));
    }
}
