using System.Threading.Channels;
using Berth.Contracts;

namespace Berth.ControlPlane.Agents;

/// <summary>One connected agent: what it registered, what it last reported, and its outbox.</summary>
public sealed class AgentSession
{
    private readonly Channel<ControlMessage> outbox = Channel.CreateUnbounded<ControlMessage>(
        new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Starts a session for a node that just registered.</summary>
    public AgentSession(Register registration)
    {
        Registration = registration;
    }

    /// <summary>What the agent said of its node when it connected.</summary>
    public Register Registration { get; }

    /// <summary>The node's name.</summary>
    public string Node => Registration.Node;

    /// <summary>Every Berth-managed container on the node, as last reported.</summary>
    public IReadOnlyList<InstanceStatus> Instances { get; set; } = [];

    /// <summary>The assignments last sent, to send again only on change.</summary>
    public string? SentAssignments { get; set; }

    /// <summary>Messages waiting to be written to the agent's stream.</summary>
    public ChannelReader<ControlMessage> Outbox => outbox.Reader;

    /// <summary>Queues a message for the agent.</summary>
    public void Send(ControlMessage message) => outbox.Writer.TryWrite(message);

    /// <summary>Ends the outbox, which ends the writer.</summary>
    public void Close() => outbox.Writer.TryComplete();
}
