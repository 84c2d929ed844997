using Berth.Contracts;
using Grpc.Core;

namespace Berth.Cli.Tests.Api;

/// <summary>
/// A Cluster service that records the authorization and actor headers and refuses any token but one.
/// </summary>
internal sealed class RecordingClusterService : Cluster.ClusterBase
{
    public const string AcceptedToken = "good-token";

    public static List<string?> Authorizations { get; } = [];

    public static List<string?> Actors { get; } = [];

    public override Task<ClusterInfo> GetClusterInfo(ClusterInfoRequest request, ServerCallContext context)
    {
        var authorization = context.RequestHeaders.GetValue("authorization");
        lock (Authorizations)
        {
            Authorizations.Add(authorization);
            Actors.Add(context.RequestHeaders.GetValue(MetadataKeys.Actor));
        }

        if (authorization != $"Bearer {AcceptedToken}")
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "the token is not valid"));
        }

        return Task.FromResult(new ClusterInfo { GitBaseUrl = "http://127.0.0.1:7001/git", Version = "test" });
    }

    public override Task<NodeInfo> LabelNode(LabelNodeRequest request, ServerCallContext context)
    {
        var node = new NodeInfo { Name = request.Node };
        node.Labels.Add(request.Set);
        foreach (var key in request.Remove)
        {
            node.Labels[key] = "removed";
        }

        return Task.FromResult(node);
    }
}
