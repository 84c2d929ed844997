using System.Globalization;
using Berth.Contracts;
using Berth.ControlPlane.Agents;
using Berth.ControlPlane.Scheduling;
using Berth.ControlPlane.Store;
using Berth.Core.Nodes;
using Grpc.Core;

namespace Berth.ControlPlane.Api;

/// <summary>The cluster-wide part of the API: where to push, and the nodes.</summary>
public sealed class ClusterService(
    IClusterStore store,
    AgentRegistry agents,
    ReconcileTrigger trigger,
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
            response.Nodes.Add(Info(node, assignments[node.Name].Count()));
        }

        return response;
    }

    /// <inheritdoc />
    public override async Task<NodeInfo> LabelNode(LabelNodeRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var errors = request.Set
            .Where(label => !NodeLabel.IsValid(label.Key) || !NodeLabel.IsValid(label.Value))
            .Select(label => $"'{label.Key}={label.Value}' is not a valid label: {NodeLabel.Rule}.")
            .Concat(request.Remove
                .Where(key => !NodeLabel.IsValid(key))
                .Select(key => $"'{key}' is not a valid label key: {NodeLabel.Rule}."))
            .ToList();
        if (errors.Count > 0)
        {
            throw ApiErrors.Invalid(errors);
        }

        if (!await store.LabelNodeAsync(request.Node, request.Set, request.Remove, ct))
        {
            throw new RpcException(new Status(
                StatusCode.NotFound, $"no node named '{request.Node}'; `berth nodes:list` shows the nodes"));
        }

        trigger.Kick();
        var node = (await store.ListNodesAsync(ct)).Single(n => n.Name == request.Node);
        var instances = (await store.ListAssignmentsAsync(ct)).Count(a => a.Node == node.Name);
        return Info(node, instances);
    }

    private NodeInfo Info(NodeRecord node, int instances)
    {
        var info = new NodeInfo
        {
            Name = node.Name,
            Address = node.Address,
            State = agents.StatusOf(node.Name).ToString().ToLowerInvariant(),
            MemoryMb = node.MemoryMb,
            Instances = instances,
            LastSeen = agents.LastSeen(node.Name)?.ToString("O", CultureInfo.InvariantCulture) ?? "",
        };
        info.Labels.Add(new Dictionary<string, string>(node.Labels));
        return info;
    }
}
