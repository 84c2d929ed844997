using System.Threading.Channels;
using Berth.Agent.Builds;
using Berth.Agent.Containers;
using Berth.Agent.Images;
using Berth.Agent.Options;
using Berth.Agent.Reporting;
using Berth.Contracts;
using Grpc.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Berth.Agent.Connection;

/// <summary>
/// Holds the agent stream to the control plane: registers the node, sends heartbeats and
/// whatever the outbox holds, hands assignment sets to the reconcile worker and build
/// commands to the build runner and image prunes to the image pruner, and dials again with
/// capped exponential backoff whenever the stream drops. Containers keep running while the
/// control plane is away.
/// </summary>
internal sealed partial class AgentConnection(
    ControlPlaneClient client,
    AgentOptions options,
    AgentOutbox outbox,
    ReconcileWorker reconciles,
    BuildRunner builds,
    ImagePruner images,
    InstanceReporter reporter,
    TimeProvider timeProvider,
    ILogger<AgentConnection> logger) : BackgroundService
{
    /// <summary>The heartbeat interval used when the control plane names none.</summary>
    public static readonly TimeSpan DefaultHeartbeat = TimeSpan.FromSeconds(10);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Log.AgentStarting(logger, options.Name, options.ControlPlane, options.Docker, options.Ports, options.MemoryMb);

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var (registered, delay) = await TryRunSessionAsync(stillAway: failures > 0, stoppingToken);
            if (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            failures = registered ? 1 : failures + 1;
            delay ??= ReconnectBackoff.Delay(failures);

            Log.Retrying(logger, delay.Value.TotalSeconds);
            await DelayAsync(delay.Value, stoppingToken);
        }
    }

    /// <summary>
    /// Runs one stream; returns whether it got as far as registration, and a forced delay
    /// (the token was rejected) or null for the ordinary backoff. A failure while the control
    /// plane is <paramref name="stillAway"/> is logged quietly: the loss was logged already.
    /// </summary>
    private async Task<(bool Registered, TimeSpan? Delay)> TryRunSessionAsync(
        bool stillAway,
        CancellationToken stoppingToken)
    {
        var session = new SessionProgress();
        try
        {
            await RunSessionAsync(session, stoppingToken);
            Log.StreamEnded(logger, "the control plane closed the stream");
            return (session.Registered, null);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // The agent is stopping: the stream was cancelled on purpose.
            return (session.Registered, null);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unauthenticated or StatusCode.PermissionDenied)
        {
            Log.Unauthenticated(logger, options.ControlPlane, ex.Status.Detail);
            return (session.Registered, ReconnectBackoff.AfterRejectedToken);
        }
        catch (ControlPlaneProtocolException ex)
        {
            Log.ProtocolError(logger, ex.Message);
            return (session.Registered, null);
        }
        catch (Exception ex)
        {
            LogLoss(Describe(ex), quiet: stillAway && !session.Registered);
            return (session.Registered, null);
        }
    }

    private async Task RunSessionAsync(SessionProgress session, CancellationToken stoppingToken)
    {
        using var sessionCts = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var token = sessionCts.Token;
        using var call = client.Connect(token);

        // 1. Register, and wait for the control plane's answer before anything else is sent.
        await call.RequestStream.WriteAsync(new AgentMessage { Register = RegisterMessage() }, token);
        var registered = await ReadRegisteredAsync(call.ResponseStream, token);
        session.Registered = true;
        Log.Registered(logger, options.Name, options.ControlPlane);

        // 2. Open the outbox to this stream and ask for a fresh full report.
        var outgoing = outbox.Open();
        reporter.RequestReport();

        // 3. Write, beat and read until one of them ends; then end the others.
        Task[] loops =
        [
            WriteLoopAsync(outgoing.Reader, call.RequestStream, token),
            HeartbeatLoopAsync(HeartbeatInterval(registered), token),
            ReadLoopAsync(call.ResponseStream, stoppingToken, token),
        ];
        try
        {
            // The first loop to end ends the stream; its exception, if any, says why.
            await await Task.WhenAny(loops);
        }
        finally
        {
            outbox.Close(outgoing);
            await sessionCts.CancelAsync();
            await Task.WhenAll(loops.Select(IgnoreFailureAsync));
        }
    }

    private void LogLoss(string reason, bool quiet)
    {
        if (quiet)
        {
            Log.StillAway(logger, reason);
        }
        else
        {
            Log.StreamEnded(logger, reason);
        }
    }

    private Register RegisterMessage()
    {
        var register = new Register
        {
            Node = options.Name,
            Address = options.Address,
            MemoryMb = options.MemoryMb,
            PortRangeStart = options.Ports.Start,
            PortRangeEnd = options.Ports.End,
            AgentVersion = AgentVersion.Current,
        };
        register.Labels.Add(new Dictionary<string, string>(options.Labels));
        return register;
    }

    private static async Task<Registered> ReadRegisteredAsync(
        IAsyncStreamReader<ControlMessage> responses,
        CancellationToken token)
    {
        if (!await responses.MoveNext(token))
        {
            throw new ControlPlaneProtocolException("the control plane closed the stream before answering Register");
        }

        return responses.Current.BodyCase == ControlMessage.BodyOneofCase.Registered
            ? responses.Current.Registered
            : throw new ControlPlaneProtocolException(
                $"the control plane answered Register with {responses.Current.BodyCase} instead of Registered");
    }

    private static TimeSpan HeartbeatInterval(Registered registered) =>
        registered.HeartbeatSeconds > 0 ? TimeSpan.FromSeconds(registered.HeartbeatSeconds) : DefaultHeartbeat;

    private static async Task WriteLoopAsync(
        ChannelReader<AgentMessage> outgoing,
        IClientStreamWriter<AgentMessage> requests,
        CancellationToken token)
    {
        await foreach (var message in outgoing.ReadAllAsync(token))
        {
            await requests.WriteAsync(message, token);
        }
    }

    private async Task HeartbeatLoopAsync(TimeSpan interval, CancellationToken token)
    {
        using var timer = new PeriodicTimer(interval, timeProvider);
        while (await timer.WaitForNextTickAsync(token))
        {
            outbox.TrySend(new AgentMessage { Heartbeat = new Heartbeat() });
        }
    }

    private async Task ReadLoopAsync(
        IAsyncStreamReader<ControlMessage> responses,
        CancellationToken stoppingToken,
        CancellationToken token)
    {
        while (await responses.MoveNext(token))
        {
            Dispatch(responses.Current, stoppingToken);
        }
    }

    private void Dispatch(ControlMessage message, CancellationToken stoppingToken)
    {
        switch (message.BodyCase)
        {
            case ControlMessage.BodyOneofCase.Assignments:
                Log.AssignmentsReceived(logger, message.Assignments.Version, message.Assignments.Assignments.Count);
                reconciles.Submit(message.Assignments);
                break;

            // Builds belong to the agent, not to this stream: one that outlives the stream
            // reports its result on the next one.
            case ControlMessage.BodyOneofCase.Build:
                builds.Start(message.Build, stoppingToken);
                break;

            case ControlMessage.BodyOneofCase.Prune:
                images.Start(message.Prune, stoppingToken);
                break;

            default:
                break;
        }
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, timeProvider, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The agent is stopping; the loop ends.
        }
    }

    private static async Task IgnoreFailureAsync(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception)
        {
            // Already reported through the first loop to end, or a consequence of ending it.
        }
    }

    private static string Describe(Exception exception) => exception switch
    {
        RpcException { Status.DebugException: { } cause } rpc =>
            $"{rpc.StatusCode}: {rpc.Status.Detail} {cause.Message}",
        RpcException rpc => $"{rpc.StatusCode}: {rpc.Status.Detail}",
        _ => exception.Message,
    };

    /// <summary>What one stream got as far as.</summary>
    private sealed class SessionProgress
    {
        /// <summary>True once the control plane answered Register.</summary>
        public bool Registered { get; set; }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = EventIds.AgentStarting, Level = LogLevel.Information,
            Message = "Agent for node {Node} starting: control plane {ControlPlane}, Docker {Docker}, "
                + "ports {Ports}, memory {MemoryMb} MiB")]
        public static partial void AgentStarting(
            ILogger logger,
            string node,
            Uri controlPlane,
            Uri docker,
            PortRange ports,
            long memoryMb);

        [LoggerMessage(EventId = EventIds.ControlPlaneRegistered, Level = LogLevel.Information,
            Message = "Node {Node} registered with the control plane at {ControlPlane}")]
        public static partial void Registered(ILogger logger, string node, Uri controlPlane);

        [LoggerMessage(EventId = EventIds.ControlPlaneLost, Level = LogLevel.Warning,
            Message = "The stream to the control plane ended ({Reason}); containers keep running")]
        public static partial void StreamEnded(ILogger logger, string reason);

        [LoggerMessage(EventId = EventIds.ControlPlaneStillAway, Level = LogLevel.Debug,
            Message = "The control plane is still out of reach ({Reason})")]
        public static partial void StillAway(ILogger logger, string reason);

        [LoggerMessage(EventId = EventIds.ControlPlaneUnauthenticated, Level = LogLevel.Error,
            Message = "The control plane at {ControlPlane} rejected the cluster token ({Detail}): "
                + "check --token-file or --token against the control plane's data-dir/token")]
        public static partial void Unauthenticated(ILogger logger, Uri controlPlane, string detail);

        [LoggerMessage(EventId = EventIds.ControlPlaneRetrying, Level = LogLevel.Information,
            Message = "Dialling the control plane again in {DelaySeconds} s")]
        public static partial void Retrying(ILogger logger, double delaySeconds);

        [LoggerMessage(EventId = EventIds.ControlPlaneProtocolError, Level = LogLevel.Error,
            Message = "The control plane broke the agent protocol: {Reason}")]
        public static partial void ProtocolError(ILogger logger, string reason);

        [LoggerMessage(EventId = EventIds.AssignmentsReceived, Level = LogLevel.Debug,
            Message = "Assignment set {Version} received with {Count} instances")]
        public static partial void AssignmentsReceived(ILogger logger, long version, int count);
    }
}
