using Berth.Contracts;

namespace Berth.Cli.Api;

/// <summary>The control plane calls the CLI makes, one method per RPC.</summary>
internal interface IBerthApi : IDisposable
{
    /// <summary>Cluster.GetClusterInfo.</summary>
    Task<ClusterInfo> GetClusterInfoAsync(CancellationToken cancellationToken);

    /// <summary>Cluster.ListNodes.</summary>
    Task<ListNodesResponse> ListNodesAsync(CancellationToken cancellationToken);

    /// <summary>Cluster.LabelNode.</summary>
    Task<NodeInfo> LabelNodeAsync(
        string node,
        IReadOnlyDictionary<string, string> set,
        IReadOnlyList<string> remove,
        CancellationToken cancellationToken);

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

    /// <summary>Apps.SetConfig; with <paramref name="noRestart"/> the app keeps running as it is.</summary>
    Task<ConfigResponse> SetConfigAsync(
        string app,
        IReadOnlyDictionary<string, string> values,
        bool noRestart,
        CancellationToken cancellationToken);

    /// <summary>Apps.UnsetConfig; with <paramref name="noRestart"/> the app keeps running as it is.</summary>
    Task<ConfigResponse> UnsetConfigAsync(
        string app,
        IReadOnlyList<string> keys,
        bool noRestart,
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

    /// <summary>Apps.GetFormation.</summary>
    Task<ScaleResponse> GetFormationAsync(string app, CancellationToken cancellationToken);

    /// <summary>Apps.StopApp.</summary>
    Task<ProcessReport> StopAppAsync(string app, CancellationToken cancellationToken);

    /// <summary>Apps.StartApp.</summary>
    Task<ProcessReport> StartAppAsync(string app, CancellationToken cancellationToken);

    /// <summary>Apps.RestartApp; <paramref name="process"/> null restarts every process type.</summary>
    Task<ProcessReport> RestartAppAsync(string app, string? process, CancellationToken cancellationToken);

    /// <summary>Apps.RebuildApp.</summary>
    Task<ProcessReport> RebuildAppAsync(string app, CancellationToken cancellationToken);

    /// <summary>Apps.GetProcessReport.</summary>
    Task<ProcessReport> GetProcessReportAsync(string app, CancellationToken cancellationToken);

    /// <summary>Apps.SetProcessOptions.</summary>
    Task<ProcessReport> SetProcessOptionsAsync(
        SetProcessOptionsRequest request,
        CancellationToken cancellationToken);

    /// <summary>Apps.GetChecks.</summary>
    Task<ChecksReport> GetChecksAsync(string app, CancellationToken cancellationToken);

    /// <summary>Apps.SetChecks.</summary>
    Task<ChecksReport> SetChecksAsync(SetChecksRequest request, CancellationToken cancellationToken);

    /// <summary>Apps.ListReleases.</summary>
    Task<ListReleasesResponse> ListReleasesAsync(string app, CancellationToken cancellationToken);

    /// <summary>Apps.GetRelease.</summary>
    Task<ReleaseInfo> GetReleaseAsync(string app, int version, CancellationToken cancellationToken);

    /// <summary>Apps.Rollback; <paramref name="version"/> 0 goes to the release before the current one.</summary>
    Task<RollbackResponse> RollbackAsync(string app, int version, CancellationToken cancellationToken);

    /// <summary>
    /// Apps.Deploy: sends <paramref name="image"/>, or the bytes of <paramref name="tar"/>, and yields
    /// the deployment's output lines and then its outcome.
    /// </summary>
    IAsyncEnumerable<DeployOutput> DeployAsync(
        string app,
        string? image,
        byte[]? tar,
        string description,
        CancellationToken cancellationToken);
}
