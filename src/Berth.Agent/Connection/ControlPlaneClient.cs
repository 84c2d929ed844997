using Berth.Contracts;
using Grpc.Core;

namespace Berth.Agent.Connection;

/// <summary>The agent's calls to the control plane's <c>AgentHub</c>, each carrying the cluster token.</summary>
internal sealed class ControlPlaneClient(AgentHub.AgentHubClient hub, ClusterToken token)
{
    /// <summary>Opens the agent stream.</summary>
    public AsyncDuplexStreamingCall<AgentMessage, ControlMessage> Connect(CancellationToken cancellationToken) =>
        hub.Connect(Headers(), cancellationToken: cancellationToken);

    /// <summary>Starts downloading the build context (a tar) of a build command.</summary>
    public AsyncServerStreamingCall<BuildContextChunk> FetchBuildContext(
        string buildId,
        CancellationToken cancellationToken) =>
        hub.FetchBuildContext(
            new FetchBuildContextRequest { BuildId = buildId },
            Headers(),
            cancellationToken: cancellationToken);

    private Metadata Headers() => new() { { "authorization", $"Bearer {token.Value}" } };
}
