using Berth.Contracts;
using Berth.Edge.Draining;
using Berth.Edge.Hosting;
using Berth.Edge.Options;
using Berth.Edge.Routing;
using Grpc.Core;

namespace Berth.Edge.Stream;

/// <summary>
/// Holds the route stream open: dials <c>RouteHub.Watch</c>, says hello, applies every route table
/// and acknowledges it once live and drained (<see cref="RouteDrainer"/>). When the stream drops it
/// reconnects with capped backoff while the proxy keeps serving the last table.
/// </summary>
public sealed partial class RouteWatcher(
    RouteHub.RouteHubClient client,
    EdgeOptions options,
    string token,
    RouteTableApplier applier,
    RouteDrainer drainer,
    EdgeStatus status,
    TimeProvider time,
    ILogger<RouteWatcher> logger) : BackgroundService
{
    private readonly ReconnectBackoff _backoff = ReconnectBackoff.Default();
    private readonly Metadata _headers = new() { { "authorization", $"Bearer {token}" } };
    private DateTimeOffset? _lostAt;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            var end = await WatchOnceAsync(stoppingToken);
            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            var retryIn = _backoff.Next();
            ReportEnd(end, retryIn);

            try
            {
                await Task.Delay(retryIn, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<StreamEnd> WatchOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var call = client.Watch(_headers, cancellationToken: cancellationToken);
            var hello = new EdgeMessage { Hello = new EdgeHello { Edge = options.Name } };
            await call.RequestStream.WriteAsync(hello, cancellationToken);

            drainer.StreamStarted();
            using var stream = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var acknowledging = AcknowledgeAsync(call.RequestStream, stream);
            try
            {
                await ApplyTablesAsync(call.ResponseStream, stream.Token);
            }
            finally
            {
                await stream.CancelAsync();
                await acknowledging;
            }

            return new StreamEnd(StatusCode.Unavailable, "the control plane ended the stream");
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            return new StreamEnd(StatusCode.Cancelled, "the edge is stopping");
        }
        catch (RpcException ex)
        {
            return new StreamEnd(ex.StatusCode, ex.Status.Detail);
        }
        catch (Exception ex)
        {
            // Any other failure (a broken connection surfacing as an I/O error) is one more lost stream.
            return new StreamEnd(StatusCode.Unavailable, ex.Message);
        }
    }

    private async Task ApplyTablesAsync(IAsyncStreamReader<RouteTable> tables, CancellationToken cancellationToken)
    {
        var delivering = false;
        await foreach (var table in tables.ReadAllAsync(cancellationToken))
        {
            if (!delivering)
            {
                delivering = true;
                ReportDelivering();
            }

            // A live table reaches the drainer; its acknowledgement is sent by AcknowledgeAsync.
            await applier.ApplyAsync(table, cancellationToken);
        }
    }

    /// <summary>
    /// Sends the acknowledgements the drainer releases, one writer for the stream, in order. A write
    /// that fails ends the whole stream (by cancelling <paramref name="stream"/>), so it is reopened.
    /// </summary>
    private async Task AcknowledgeAsync(IClientStreamWriter<EdgeMessage> writer, CancellationTokenSource stream)
    {
        try
        {
            while (true)
            {
                var version = await drainer.NextAcknowledgementAsync(stream.Token);
                await writer.WriteAsync(new EdgeMessage { Ack = new RouteAck { Version = version } }, stream.Token);
            }
        }
        catch (OperationCanceledException) when (stream.IsCancellationRequested)
        {
            // The stream ended; the next one acknowledges what it delivers.
        }
        catch (Exception ex) when (ex is RpcException or IOException or InvalidOperationException)
        {
            Log.AcknowledgementFailed(logger, options.ControlPlane, ex.Message);
            await stream.CancelAsync();
        }
    }

    private void ReportDelivering()
    {
        status.RecordConnection(true);
        _backoff.Reset();

        if (_lostAt is { } lostAt)
        {
            Log.Restored(logger, options.ControlPlane, time.GetUtcNow() - lostAt);
        }
        else
        {
            Log.Connected(logger, options.ControlPlane, options.Name);
        }

        _lostAt = null;
    }

    private void ReportEnd(StreamEnd end, TimeSpan retryIn)
    {
        status.RecordConnection(false);
        var version = status.Applied?.Version ?? 0;

        if (end.Status is StatusCode.Unauthenticated or StatusCode.PermissionDenied)
        {
            Log.Unauthenticated(logger, options.ControlPlane, end.Status, options.Token.ToString(), retryIn);
        }
        else if (_lostAt is null)
        {
            Log.Lost(logger, options.ControlPlane, end.Status, end.Detail, version, retryIn);
        }
        else
        {
            Log.RetryFailed(logger, options.ControlPlane, end.Status, end.Detail, retryIn);
        }

        _lostAt ??= time.GetUtcNow();
    }

    /// <summary>Why one attempt at the route stream ended.</summary>
    private readonly record struct StreamEnd(StatusCode Status, string Detail);

    private static partial class Log
    {
        [LoggerMessage(EventId = EventIds.ControlPlaneConnected, EventName = "ControlPlaneConnected",
            Level = LogLevel.Information,
            Message = "Receiving route tables from the control plane at {ControlPlane} as edge {Edge}.")]
        public static partial void Connected(ILogger logger, Uri controlPlane, string edge);

        [LoggerMessage(EventId = EventIds.ControlPlaneRestored, EventName = "ControlPlaneRestored",
            Level = LogLevel.Information,
            Message = "Route stream from the control plane at {ControlPlane} restored after {Downtime}.")]
        public static partial void Restored(ILogger logger, Uri controlPlane, TimeSpan downtime);

        [LoggerMessage(EventId = EventIds.ControlPlaneLost, EventName = "ControlPlaneLost",
            Level = LogLevel.Warning,
            Message = "No route stream from the control plane at {ControlPlane} ({Status}: {Detail}); " +
                "serving route table {Version} meanwhile and retrying in {RetryIn}.")]
        public static partial void Lost(
            ILogger logger,
            Uri controlPlane,
            StatusCode status,
            string detail,
            long version,
            TimeSpan retryIn);

        [LoggerMessage(EventId = EventIds.ControlPlaneRetryFailed, EventName = "ControlPlaneRetryFailed",
            Level = LogLevel.Debug,
            Message = "Control plane at {ControlPlane} still unreachable ({Status}: {Detail}); retrying in {RetryIn}.")]
        public static partial void RetryFailed(
            ILogger logger,
            Uri controlPlane,
            StatusCode status,
            string detail,
            TimeSpan retryIn);

        [LoggerMessage(EventId = EventIds.AcknowledgementFailed, EventName = "AcknowledgementFailed",
            Level = LogLevel.Warning,
            Message = "Could not acknowledge a route table to the control plane at {ControlPlane} ({Detail}); " +
                "reopening the route stream.")]
        public static partial void AcknowledgementFailed(ILogger logger, Uri controlPlane, string detail);

        [LoggerMessage(EventId = EventIds.ControlPlaneUnauthenticated, EventName = "ControlPlaneUnauthenticated",
            Level = LogLevel.Error,
            Message = "The control plane at {ControlPlane} rejected the edge's token ({Status}); check the " +
                "{TokenSource} against the control plane's <data-dir>/token. Retrying in {RetryIn}.")]
        public static partial void Unauthenticated(
            ILogger logger,
            Uri controlPlane,
            StatusCode status,
            string tokenSource,
            TimeSpan retryIn);
    }
}
