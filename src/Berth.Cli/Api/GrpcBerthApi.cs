using System.Runtime.CompilerServices;
using Berth.Contracts;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;

namespace Berth.Cli.Api;

/// <summary>The control plane API over gRPC: each method is one unary call with a deadline.</summary>
internal sealed class GrpcBerthApi : IBerthApi
{
    private readonly GrpcChannel channel;
    private readonly Apps.AppsClient apps;
    private readonly Cluster.ClusterClient cluster;
    private readonly Func<DateTime> deadline;

    /// <summary>
    /// Creates the API over <paramref name="invoker"/>; disposing it disposes <paramref name="channel"/>.
    /// </summary>
    public GrpcBerthApi(GrpcChannel channel, CallInvoker invoker, Func<DateTime> deadline)
    {
        this.channel = channel;
        this.deadline = deadline;
        apps = new Apps.AppsClient(invoker);
        cluster = new Cluster.ClusterClient(invoker);
    }

    /// <inheritdoc />
    public async Task<ClusterInfo> GetClusterInfoAsync(CancellationToken cancellationToken) =>
        await cluster.GetClusterInfoAsync(new ClusterInfoRequest(), Options(cancellationToken));

    /// <inheritdoc />
    public async Task<ListNodesResponse> ListNodesAsync(CancellationToken cancellationToken) =>
        await cluster.ListNodesAsync(new ListNodesRequest(), Options(cancellationToken));

    /// <inheritdoc />
    public async Task<NodeInfo> LabelNodeAsync(
        string node,
        IReadOnlyDictionary<string, string> set,
        IReadOnlyList<string> remove,
        CancellationToken cancellationToken)
    {
        var request = new LabelNodeRequest { Node = node };
        request.Set.Add(set.ToDictionary());
        request.Remove.Add(remove);

        return await cluster.LabelNodeAsync(request, Options(cancellationToken));
    }

    /// <inheritdoc />
    public async Task<AppInfo> CreateAppAsync(string app, CancellationToken cancellationToken) =>
        await apps.CreateAppAsync(new AppRequest { App = app }, Options(cancellationToken));

    /// <inheritdoc />
    public async Task<ListAppsResponse> ListAppsAsync(CancellationToken cancellationToken) =>
        await apps.ListAppsAsync(new ListAppsRequest(), Options(cancellationToken));

    /// <inheritdoc />
    public async Task<AppInfo> GetAppAsync(string app, CancellationToken cancellationToken) =>
        await apps.GetAppAsync(new AppRequest { App = app }, Options(cancellationToken));

    /// <inheritdoc />
    public async Task DestroyAppAsync(string app, CancellationToken cancellationToken) =>
        await apps.DestroyAppAsync(new AppRequest { App = app }, Options(cancellationToken));

    /// <inheritdoc />
    public async Task<ConfigResponse> GetConfigAsync(string app, CancellationToken cancellationToken) =>
        await apps.GetConfigAsync(new AppRequest { App = app }, Options(cancellationToken));

    /// <inheritdoc />
    public async Task<ConfigResponse> SetConfigAsync(
        string app,
        IReadOnlyDictionary<string, string> values,
        bool noRestart,
        CancellationToken cancellationToken)
    {
        var request = new SetConfigRequest { App = app, NoRestart = noRestart };
        request.Values.Add(values.ToDictionary());

        return await apps.SetConfigAsync(request, Options(cancellationToken));
    }

    /// <inheritdoc />
    public async Task<ConfigResponse> UnsetConfigAsync(
        string app,
        IReadOnlyList<string> keys,
        bool noRestart,
        CancellationToken cancellationToken)
    {
        var request = new UnsetConfigRequest { App = app, NoRestart = noRestart };
        request.Keys.Add(keys);

        return await apps.UnsetConfigAsync(request, Options(cancellationToken));
    }

    /// <inheritdoc />
    public async Task<DomainsResponse> AddDomainAsync(
        string app,
        string domain,
        CancellationToken cancellationToken) =>
        await apps.AddDomainAsync(new DomainRequest { App = app, Domain = domain }, Options(cancellationToken));

    /// <inheritdoc />
    public async Task<DomainsResponse> RemoveDomainAsync(
        string app,
        string domain,
        CancellationToken cancellationToken) =>
        await apps.RemoveDomainAsync(new DomainRequest { App = app, Domain = domain }, Options(cancellationToken));

    /// <inheritdoc />
    public async Task<DomainsResponse> ListDomainsAsync(string app, CancellationToken cancellationToken) =>
        await apps.ListDomainsAsync(new AppRequest { App = app }, Options(cancellationToken));

    /// <inheritdoc />
    public async Task<ListInstancesResponse> ListInstancesAsync(string app, CancellationToken cancellationToken) =>
        await apps.ListInstancesAsync(new AppRequest { App = app }, Options(cancellationToken));

    /// <inheritdoc />
    public async Task<ScaleResponse> ScaleAsync(
        string app,
        IReadOnlyDictionary<string, int> formation,
        CancellationToken cancellationToken)
    {
        var request = new ScaleRequest { App = app };
        request.Formation.Add(formation.ToDictionary());

        return await apps.ScaleAsync(request, Options(cancellationToken));
    }

    /// <inheritdoc />
    public async Task<ScaleResponse> GetFormationAsync(string app, CancellationToken cancellationToken) =>
        await apps.GetFormationAsync(new AppRequest { App = app }, Options(cancellationToken));

    /// <inheritdoc />
    public async Task<ProcessReport> StopAppAsync(string app, CancellationToken cancellationToken) =>
        await apps.StopAppAsync(new AppRequest { App = app }, Options(cancellationToken));

    /// <inheritdoc />
    public async Task<ProcessReport> StartAppAsync(string app, CancellationToken cancellationToken) =>
        await apps.StartAppAsync(new AppRequest { App = app }, Options(cancellationToken));

    /// <inheritdoc />
    public async Task<ProcessReport> RestartAppAsync(
        string app,
        string? process,
        CancellationToken cancellationToken) =>
        await apps.RestartAppAsync(
            new ProcessRequest { App = app, Process = process ?? "" },
            Options(cancellationToken));

    /// <inheritdoc />
    public async Task<ProcessReport> RebuildAppAsync(string app, CancellationToken cancellationToken) =>
        await apps.RebuildAppAsync(new AppRequest { App = app }, Options(cancellationToken));

    /// <inheritdoc />
    public async Task<ProcessReport> GetProcessReportAsync(string app, CancellationToken cancellationToken) =>
        await apps.GetProcessReportAsync(new AppRequest { App = app }, Options(cancellationToken));

    /// <inheritdoc />
    public async Task<ProcessReport> SetProcessOptionsAsync(
        SetProcessOptionsRequest request,
        CancellationToken cancellationToken) =>
        await apps.SetProcessOptionsAsync(request, Options(cancellationToken));

    /// <inheritdoc />
    public async Task<ChecksReport> GetChecksAsync(string app, CancellationToken cancellationToken) =>
        await apps.GetChecksAsync(new AppRequest { App = app }, Options(cancellationToken));

    /// <inheritdoc />
    public async Task<ChecksReport> SetChecksAsync(SetChecksRequest request, CancellationToken cancellationToken) =>
        await apps.SetChecksAsync(request, Options(cancellationToken));

    /// <inheritdoc />
    public async Task<ListReleasesResponse> ListReleasesAsync(string app, CancellationToken cancellationToken) =>
        await apps.ListReleasesAsync(new AppRequest { App = app }, Options(cancellationToken));

    /// <inheritdoc />
    public async Task<ReleaseInfo> GetReleaseAsync(string app, int version, CancellationToken cancellationToken) =>
        await apps.GetReleaseAsync(new ReleaseRequest { App = app, Version = version }, Options(cancellationToken));

    /// <inheritdoc />
    public async Task<RollbackResponse> RollbackAsync(string app, int version, CancellationToken cancellationToken) =>
        await apps.RollbackAsync(new RollbackRequest { App = app, Version = version }, Options(cancellationToken));

    /// <inheritdoc />
    public async IAsyncEnumerable<DeployOutput> DeployAsync(
        string app,
        string? image,
        byte[]? tar,
        string description,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // No deadline: a deploy lasts as long as its build and rollout, which the control plane bounds itself.
        using var call = apps.Deploy(new CallOptions(cancellationToken: cancellationToken));
        foreach (var request in DeployRequests(app, image, tar, description))
        {
            await call.RequestStream.WriteAsync(request, cancellationToken);
        }

        await call.RequestStream.CompleteAsync();
        await foreach (var output in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            yield return output;
        }
    }

    /// <inheritdoc />
    public void Dispose() => channel.Dispose();

    /// <summary>The messages of a deploy: the first names the app and the image or the tar's first chunk.</summary>
    private static IEnumerable<DeployRequest> DeployRequests(string app, string? image, byte[]? tar, string description)
    {
        const int ChunkSize = 1024 * 1024;
        var first = new DeployRequest { App = app, Image = image ?? "", Description = description };
        if (tar is null || tar.Length == 0)
        {
            yield return first;
            yield break;
        }

        for (var offset = 0; offset < tar.Length; offset += ChunkSize)
        {
            var chunk = ByteString.CopyFrom(tar, offset, Math.Min(ChunkSize, tar.Length - offset));
            yield return offset == 0 ? MergeChunk(first, chunk) : new DeployRequest { TarChunk = chunk };
        }
    }

    private static DeployRequest MergeChunk(DeployRequest first, ByteString chunk)
    {
        first.TarChunk = chunk;
        return first;
    }

    private CallOptions Options(CancellationToken cancellationToken) =>
        new(deadline: deadline(), cancellationToken: cancellationToken);
}
