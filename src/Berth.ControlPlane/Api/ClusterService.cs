using System.Globalization;
using Berth.Contracts;
using Berth.ControlPlane.Agents;
using Berth.ControlPlane.Store;
using Grpc.Core;

namespace Berth.ControlPlane.Api;

/// <summary>The cluster-wide part of the API: where to push, and the nodes.</summary>
public sealed class ClusterService(
    IClusterStore store,
    AgentRegistry agents,
    ControlPlaneOptions options) : Contracts.Cluster.ClusterBase
{
    /// <inheritdoc />
    public override Task<ClusterInfo> GetClusterInfo(ClusterInfoRequest request, ServerCallContext context) =>
        Task.FromResult(new ClusterInfo
        {
            GitBaseUrl = options.GitBaseUrl,
            Domain = options.Domain,
            Version = typeof(ClusterService).Assembly.GetName().Version?.ToString() ?? "",
        });

    /// <inheritdoc />
    public override async Task<ListNodesResponse> ListNodes(ListNodesRequest request, ServerCallContext context)
    {
        var assignments = (await store.ListAssignmentsAsync(context.CancellationToken)).ToLookup(a => a.Node);
        var response = new ListNodesResponse();
        foreach (var node in await store.ListNodesAsync(context.CancellationToken))
        {
            var info = new NodeInfo
            {
                Name = node.Name,
                Address = node.Address,
                State = agents.StatusOf(node.Name).ToString().ToLowerInvariant(),
                MemoryMb = node.MemoryMb,
                Instances = assignments[node.Name].Count(),
                LastSeen = agents.LastSeen(node.Name)?.ToString("O", CultureInfo.InvariantCulture) ?? "",
            };
            info.Labels.Add(new Dictionary<string, string>(node.Labels));
            response.Nodes.Add(info);
        }

        return response;
    }
}
