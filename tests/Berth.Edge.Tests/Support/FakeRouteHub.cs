using System.Threading.Channels;
using Berth.Contracts;
using Grpc.Core;

namespace Berth.Edge.Tests.Support;

/// <summary>
/// A stand-in for the control plane's RouteHub: records what edges send, streams the tables a test
/// queues, and can drop the current stream or reject callers.
/// </summary>
internal sealed class FakeRouteHub : RouteHub.RouteHubBase
{
    private readonly Lock _gate = new();
    private CancellationTokenSource? _current;

    public Channel<RouteTable> Tables { get; } = Channel.CreateUnbounded<RouteTable>();

    public Channel<EdgeMessage> Received { get; } = Channel.CreateUnbounded<EdgeMessage>();

    public Channel<string> Authorizations { get; } = Channel.CreateUnbounded<string>();

    public StatusCode? Reject { get; set; }

    /// <summary>Ends the stream being served, as a control plane restart would.</summary>
    public void DropCurrentStream()
    {
        lock (_gate)
        {
            _current?.Cancel();
        }
    }

    public override async Task Watch(
        IAsyncStreamReader<EdgeMessage> requestStream,
        IServerStreamWriter<RouteTable> responseStream,
        ServerCallContext context)
    {
        Authorizations.Writer.TryWrite(context.RequestHeaders.GetValue("authorization") ?? "");
        if (Reject is { } code)
        {
            throw new RpcException(new Status(code, "rejected by the fake hub"));
        }

        using var call = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        lock (_gate)
        {
            _current = call;
        }

        var reading = RecordAsync(requestStream, call.Token);
        try
        {
            await foreach (var table in Tables.Reader.ReadAllAsync(call.Token))
            {
                await responseStream.WriteAsync(table, call.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Dropped by the test or by the edge: end the call.
        }

        await reading;
    }

    private async Task RecordAsync(IAsyncStreamReader<EdgeMessage> requestStream, CancellationToken token)
    {
        try
        {
            await foreach (var message in requestStream.ReadAllAsync(token))
            {
                Received.Writer.TryWrite(message);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or RpcException or IOException)
        {
            // The call ended.
        }
    }
}
