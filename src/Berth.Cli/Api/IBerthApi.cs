using Berth.Contracts;

namespace Berth.Cli.Api;

/// <summary>The control plane calls the CLI makes, one method per RPC.</summary>
internal interface IBerthApi : IDisposable
{
    /// <summary>Cluster.GetClusterInfo.</summary>
    Task<ClusterInfo> GetClusterInfoAsync(CancellationToken cancellationToken);

    /// <summary>Cluster.ListNodes.</summary>
    Task<ListNodesResponse> ListNodesAsync(CancellationToken cancellationToken);

    /// <summary>Apps.CreateApp.</summary>
    Task<AppInfo> CreateAppAsync(string app, CancellationToken cancellationToken);

    /// <summary>Apps.ListApps.</summary>
    Task<ListAppsResponse> ListAppsAsync(CancellationToken cancellationToken);

    /// <summary>Apps.GetApp.</summary>
    Task<AppInfo> GetAppAsync(string app, CancellationToken cancellationToken);

    /// <summary>Apps.DestroyApp.</summary>
    Task DestroyAppAsync(string app, CancellationToken cancellationToken);

    /// <summary>Apps.GetConfig.</summary>
    Task<ConfigResponse> GetConfigAsync(string app, CancellationToken cancellationToken);

    /// <summary>Apps.SetConfig.</summary>
    Task<ConfigResponse> SetConfigAsync(
        string app,
        IReadOnlyDictionary<string, string> values,
        CancellationToken cancellationToken);

    /// <summary>Apps.UnsetConfig.</summary>
    Task<ConfigResponse> UnsetConfigAsync(
        string app,
        IReadOnlyList<string> keys,
        CancellationToken cancellationToken);

    /// <summary>Apps.AddDomain.</summary>
    Task<DomainsResponse> AddDomainAsync(string app, string domain, CancellationToken cancellationToken);

    /// <summary>Apps.RemoveDomain.</summary>
    Task<DomainsResponse> RemoveDomainAsync(string app, string domain, CancellationToken cancellationToken);

    /// <summary>Apps.ListDomains.</summary>
    Task<DomainsResponse> ListDomainsAsync(string app, CancellationToken cancellationToken);

    /// <summary>Apps.ListInstances.</summary>
    Task<ListInstancesResponse> ListInstancesAsync(string app, CancellationToken cancellationToken);

    /// <summary>Apps.Scale.</summary>
    Task<ScaleResponse> ScaleAsync(
        string app,
        IReadOnlyDictionary<string, int> formation,
        CancellationToken cancellationToken);
}
