using Berth.Contracts;
using Berth.ControlPlane.Builds;
using Berth.ControlPlane.Scheduling;
using Berth.ControlPlane.Store;
using Berth.Core.Nodes;
using Google.Protobuf;
using Grpc.Core;

namespace Berth.ControlPlane.Agents;

/// <summary>
/// The end of the agents' streams: registers nodes, takes their reports and build output,
/// and writes them their assignments and build commands.
/// </summary>
public sealed partial class AgentHubService(
    AgentRegistry agents,
    BuildCoordinator builds,
    ReconcileTrigger trigger,
    IClusterStore store,
    TimeProvider time,
    ILogger<AgentHubService> logger) : AgentHub.AgentHubBase
{
    private const int ChunkSize = 64 * 1024;

    /// <inheritdoc />
    public override async Task Connect(
        IAsyncStreamReader<AgentMessage> requestStream,
        IServerStreamWriter<ControlMessage> responseStream,
        ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var registration = await ReadRegistrationAsync(requestStream, ct);
        await store.UpsertNodeAsync(
            new NodeRecord(
                registration.Node,
                registration.Address,
                registration.Labels.ToDictionary(),
                registration.MemoryMb,
                time.GetUtcNow()),
            ct);

        var session = agents.Attach(registration);
        Log.AgentConnected(logger, registration.Node, registration.Address);
        session.Send(new ControlMessage
        {
            Registered = new Registered
            {
                Node = registration.Node,
                HeartbeatSeconds = (int)AgentRegistry.HeartbeatInterval.TotalSeconds,
            },
        });
        trigger.Kick();

        var writer = OutboxPump.RunAsync(session.Outbox, responseStream, ct);
        try
        {
            await ReadMessagesAsync(session, requestStream, ct);
        }
        finally
        {
            session.Close();
            agents.Detach(session);
            builds.OnNodeLost(session.Node);
            trigger.Kick();
            Log.AgentDisconnected(logger, session.Node);
            await writer;
        }
    }

    /// <inheritdoc />
    public override async Task FetchBuildContext(
        FetchBuildContextRequest request,
        IServerStreamWriter<BuildContextChunk> responseStream,
        ServerCallContext context)
    {
        var bytes = builds.ContextOf(request.BuildId)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"no build {request.BuildId} is running"));

        for (var offset = 0; offset < bytes.Length; offset += ChunkSize)
        {
            var length = Math.Min(ChunkSize, bytes.Length - offset);
            var chunk = new BuildContextChunk { Data = ByteString.CopyFrom(bytes, offset, length) };
            await responseStream.WriteAsync(chunk, context.CancellationToken);
        }
    }

    private async Task<Register> ReadRegistrationAsync(IAsyncStreamReader<AgentMessage> stream, CancellationToken ct)
    {
        if (!await stream.MoveNext(ct) || stream.Current.BodyCase != AgentMessage.BodyOneofCase.Register)
        {
            throw Reject("the first message on the agent stream must be Register");
        }

        var registration = stream.Current.Register;
        if (!NodeName.IsValid(registration.Node))
        {
            throw Reject($"'{registration.Node}' is not a valid node name: {NodeName.Rule}");
        }

        if (string.IsNullOrWhiteSpace(registration.Address))
        {
            throw Reject($"node {registration.Node} registered without an address; start the agent with --address");
        }

        return registration;
    }

    private RpcException Reject(string reason)
    {
        Log.AgentRejected(logger, reason);
        return new RpcException(new Status(StatusCode.InvalidArgument, reason));
    }

    private async Task ReadMessagesAsync(
        AgentSession session,
        IAsyncStreamReader<AgentMessage> stream,
        CancellationToken ct)
    {
        try
        {
            while (await stream.MoveNext(ct))
            {
                agents.Touch(session);
                Dispatch(session, stream.Current);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The agent hung up or the control plane is stopping.
        }
        catch (IOException)
        {
            // The connection broke; the agent will dial again.
        }
    }

    private void Dispatch(AgentSession session, AgentMessage message)
    {
        switch (message.BodyCase)
        {
            case AgentMessage.BodyOneofCase.Report:
                var changed = !session.Instances.SequenceEqual(message.Report.Instances);
                LogCrashes(session, message.Report.Instances);
                session.Instances = message.Report.Instances.ToList();
                if (changed)
                {
                    trigger.Kick();
                }

                break;
            case AgentMessage.BodyOneofCase.BuildLog:
                builds.OnLog(message.BuildLog);
                break;
            case AgentMessage.BodyOneofCase.BuildResult:
                builds.OnResult(session.Node, message.BuildResult);
                break;
            default:
                break;
        }
    }

    /// <summary>An instance that just crashed is an event an operator wants to see, once per crash.</summary>
    private void LogCrashes(AgentSession session, IEnumerable<InstanceStatus> reported)
    {
        var before = session.Instances.ToDictionary(i => (i.Instance, i.Release));
        foreach (var instance in reported.Where(i => i.State == InstanceStates.Crashed))
        {
            var previous = before.GetValueOrDefault((instance.Instance, instance.Release));
            if (previous is null || previous.State != InstanceStates.Crashed || previous.Restarts != instance.Restarts)
            {
                Log.InstanceCrashed(
                    logger, instance.App, instance.Instance, session.Node, instance.ExitCode, instance.NextRestartAt);
            }
        }
    }
}
