using System.Threading.Channels;
using Grpc.Core;

namespace Berth.ControlPlane;

/// <summary>
/// Writes a session's queued messages to its gRPC stream, one at a time, since a stream
/// takes only one writer. Ends quietly when the queue closes or the stream breaks.
/// </summary>
internal static class OutboxPump
{
    public static async Task RunAsync<T>(ChannelReader<T> outbox, IServerStreamWriter<T> stream, CancellationToken ct)
    {
        try
        {
            await foreach (var message in outbox.ReadAllAsync(ct))
            {
                await stream.WriteAsync(message, ct);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException)
        {
            // The stream ended; the reading side cleans up the session.
        }
    }
}
