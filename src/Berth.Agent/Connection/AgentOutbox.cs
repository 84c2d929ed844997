using System.Threading.Channels;
using Berth.Contracts;

namespace Berth.Agent.Connection;

/// <summary>
/// Where every part of the agent puts the messages for the control plane. Messages go to the
/// open stream's single writer; while no stream is open they are dropped (reports are full
/// snapshots and are sent again after the next registration).
/// </summary>
internal sealed class AgentOutbox
{
    private Channel<AgentMessage>? _current;

    /// <summary>True while a registered stream takes messages.</summary>
    public bool IsOpen => Volatile.Read(ref _current) is not null;

    // Limitation: build logs and build results produced while no stream is open are dropped, not kept
    // for the next stream, so a build that ends during a control plane outage is never reported.
    /// <summary>Queues <paramref name="message"/> for the open stream; false when none is open.</summary>
    public bool TrySend(AgentMessage message) => Volatile.Read(ref _current)?.Writer.TryWrite(message) ?? false;

    /// <summary>Starts taking messages for a newly registered stream; returns what its writer reads.</summary>
    public Channel<AgentMessage> Open()
    {
        var channel = Channel.CreateUnbounded<AgentMessage>(new UnboundedChannelOptions { SingleReader = true });
        Volatile.Write(ref _current, channel);
        return channel;
    }

    /// <summary>Stops taking messages for a stream that ended.</summary>
    public void Close(Channel<AgentMessage> channel)
    {
        Interlocked.CompareExchange(ref _current, null, channel);
        channel.Writer.TryComplete();
    }
}
