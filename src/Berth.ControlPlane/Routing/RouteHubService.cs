using Berth.Contracts;
using Berth.ControlPlane.Scheduling;
using Grpc.Core;

namespace Berth.ControlPlane.Routing;

/// <summary>The end of the edges' streams: sends route tables, takes acknowledgements.</summary>
public sealed partial class RouteHubService(
    RoutePublisher publisher,
    ReconcileTrigger trigger,
    ILogger<RouteHubService> logger)
    : RouteHub.RouteHubBase
{
    /// <inheritdoc />
    public override async Task Watch(
        IAsyncStreamReader<EdgeMessage> requestStream,
        IServerStreamWriter<RouteTable> responseStream,
        ServerCallContext context)
    {
        var ct = context.CancellationToken;
        if (!await requestStream.MoveNext(ct) || requestStream.Current.BodyCase != EdgeMessage.BodyOneofCase.Hello)
        {
            throw new RpcException(new Status(
                StatusCode.InvalidArgument, "the first message on the route stream must be EdgeHello"));
        }

        var edge = new EdgeSession(requestStream.Current.Hello.Edge);
        publisher.Attach(edge);
        Log.EdgeConnected(logger, edge.Name);

        var writer = OutboxPump.RunAsync(edge.Outbox, responseStream, ct);
        try
        {
            while (await requestStream.MoveNext(ct))
            {
                if (requestStream.Current.BodyCase == EdgeMessage.BodyOneofCase.Ack)
                {
                    edge.Acknowledge(requestStream.Current.Ack.Version);

                    // Instances leaving wait for this acknowledgement before they stop.
                    trigger.Kick();
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The edge hung up; it dials again.
        }
        finally
        {
            publisher.Detach(edge);
            trigger.Kick();
            Log.EdgeDisconnected(logger, edge.Name);
            await writer;
        }
    }
}
