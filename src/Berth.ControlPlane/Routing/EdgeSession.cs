using System.Threading.Channels;
using Berth.Contracts;

namespace Berth.ControlPlane.Routing;

/// <summary>One connected edge: the route tables waiting to be sent and the last version it applied.</summary>
public sealed class EdgeSession(string name)
{
    private readonly Channel<RouteTable> outbox = Channel.CreateUnbounded<RouteTable>(
        new UnboundedChannelOptions { SingleReader = true });

    private long acknowledged;

    /// <summary>The name the edge gave itself.</summary>
    public string Name { get; } = name;

    /// <summary>The newest route table version the edge has applied.</summary>
    public long Acknowledged => Interlocked.Read(ref acknowledged);

    /// <summary>Tables waiting to be written to the edge's stream.</summary>
    public ChannelReader<RouteTable> Outbox => outbox.Reader;

    /// <summary>Queues a table for the edge.</summary>
    public void Send(RouteTable table) => outbox.Writer.TryWrite(table);

    /// <summary>Records that the edge applied <paramref name="version"/>.</summary>
    public void Acknowledge(long version)
    {
        long seen;
        do
        {
            seen = Interlocked.Read(ref acknowledged);
        }
        while (version > seen && Interlocked.CompareExchange(ref acknowledged, version, seen) != seen);
    }

    /// <summary>Ends the outbox, which ends the writer.</summary>
    public void Close() => outbox.Writer.TryComplete();
}
