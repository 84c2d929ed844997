using Berth.Cli.Api;
using Berth.Contracts;

namespace Berth.Cli.Tests.Support;

/// <summary>
/// A control plane in memory: answers with the responses set on it, records every call, and
/// throws <see cref="Failure"/> from every call when it is set.
/// </summary>
internal sealed class FakeBerthApi : IBerthApi
{
    public List<string> Calls { get; } = [];

    public Exception? Failure { get; set; }

    public ClusterInfo ClusterInfo { get; set; } = new()
    {
        GitBaseUrl = "http://127.0.0.1:7001/git",
        Domain = "localhost",
        Version = "0.1.0",
    };

    public ListNodesResponse Nodes { get; set; } = new();

    public ListAppsResponse Apps { get; set; } = new();

    public AppInfo App { get; set; } = new();

    public ConfigResponse Config { get; set; } = new();

    public DomainsResponse Domains { get; set; } = new();

    public ListInstancesResponse Instances { get; set; } = new();

    public ScaleResponse Scale { get; set; } = new();

    public ScaleResponse Formation { get; set; } = new();

    public ProcessReport Report { get; set; } = new();

    public NodeInfo Node { get; set; } = new();

    public ListReleasesResponse Releases { get; set; } = new();

    public ReleaseInfo Release { get; set; } = new();

    public RollbackResponse Rollback { get; set; } = new();

    public ChecksReport Checks { get; set; } = new();

    public SetProcessOptionsRequest? LastProcessOptions { get; private set; }

    public SetChecksRequest? LastChecks { get; private set; }

    public IReadOnlyDictionary<string, string>? LastLabelsSet { get; private set; }

    public IReadOnlyList<string>? LastLabelsRemoved { get; private set; }

    public IReadOnlyDictionary<string, string>? LastConfigValues { get; private set; }

    public IReadOnlyList<string>? LastConfigKeys { get; private set; }

    public IReadOnlyDictionary<string, int>? LastFormation { get; private set; }

    public string? LastDomain { get; private set; }

    public Task<ClusterInfo> GetClusterInfoAsync(CancellationToken cancellationToken) =>
        Answer("GetClusterInfo", ClusterInfo);

    public Task<ListNodesResponse> ListNodesAsync(CancellationToken cancellationToken) =>
        Answer("ListNodes", Nodes);

    public Task<NodeInfo> LabelNodeAsync(
        string node,
        IReadOnlyDictionary<string, string> set,
        IReadOnlyList<string> remove,
        CancellationToken cancellationToken)
    {
        LastLabelsSet = set;
        LastLabelsRemoved = remove;
        return Answer($"LabelNode {node}", Node);
    }

    public Task<AppInfo> CreateAppAsync(string app, CancellationToken cancellationToken) =>
        Answer($"CreateApp {app}", new AppInfo(App) { Name = app });

    public Task<ListAppsResponse> ListAppsAsync(CancellationToken cancellationToken) => Answer("ListApps", Apps);

    public Task<AppInfo> GetAppAsync(string app, CancellationToken cancellationToken) =>
        Answer($"GetApp {app}", App);

    public Task DestroyAppAsync(string app, CancellationToken cancellationToken) =>
        Answer($"DestroyApp {app}", new DestroyAppResponse());

    public bool LastNoRestart { get; private set; }

    public Task<ConfigResponse> GetConfigAsync(string app, CancellationToken cancellationToken) =>
        Answer($"GetConfig {app}", Config);

    public Task<ConfigResponse> SetConfigAsync(
        string app,
        IReadOnlyDictionary<string, string> values,
        bool noRestart,
        CancellationToken cancellationToken)
    {
        LastConfigValues = values;
        LastNoRestart = noRestart;
        return Answer($"SetConfig {app}", Config);
    }

    public Task<ConfigResponse> UnsetConfigAsync(
        string app,
        IReadOnlyList<string> keys,
        bool noRestart,
        CancellationToken cancellationToken)
    {
        LastConfigKeys = keys;
        LastNoRestart = noRestart;
        return Answer($"UnsetConfig {app}", Config);
    }

    public Task<DomainsResponse> AddDomainAsync(string app, string domain, CancellationToken cancellationToken)
    {
        LastDomain = domain;
        return Answer($"AddDomain {app} {domain}", Domains);
    }

    public Task<DomainsResponse> RemoveDomainAsync(string app, string domain, CancellationToken cancellationToken)
    {
        LastDomain = domain;
        return Answer($"RemoveDomain {app} {domain}", Domains);
    }

    public Task<DomainsResponse> ListDomainsAsync(string app, CancellationToken cancellationToken) =>
        Answer($"ListDomains {app}", Domains);

    public Task<ListInstancesResponse> ListInstancesAsync(string app, CancellationToken cancellationToken) =>
        Answer($"ListInstances {app}", Instances);

    public Task<ScaleResponse> ScaleAsync(
        string app,
        IReadOnlyDictionary<string, int> formation,
        CancellationToken cancellationToken)
    {
        LastFormation = formation;
        return Answer($"Scale {app}", Scale);
    }

    public Task<ScaleResponse> GetFormationAsync(string app, CancellationToken cancellationToken) =>
        Answer($"GetFormation {app}", Formation);

    public Task<ProcessReport> StopAppAsync(string app, CancellationToken cancellationToken) =>
        Answer($"StopApp {app}", Report);

    public Task<ProcessReport> StartAppAsync(string app, CancellationToken cancellationToken) =>
        Answer($"StartApp {app}", Report);

    public Task<ProcessReport> RestartAppAsync(string app, string? process, CancellationToken cancellationToken) =>
        Answer(process is null ? $"RestartApp {app}" : $"RestartApp {app} {process}", Report);

    public Task<ProcessReport> RebuildAppAsync(string app, CancellationToken cancellationToken) =>
        Answer($"RebuildApp {app}", Report);

    public Task<ProcessReport> GetProcessReportAsync(string app, CancellationToken cancellationToken) =>
        Answer($"GetProcessReport {app}", Report);

    public Task<ProcessReport> SetProcessOptionsAsync(
        SetProcessOptionsRequest request,
        CancellationToken cancellationToken)
    {
        LastProcessOptions = request;
        return Answer($"SetProcessOptions {request.App} {request.Process}", Report);
    }

    public Task<ChecksReport> GetChecksAsync(string app, CancellationToken cancellationToken) =>
        Answer($"GetChecks {app}", Checks);

    public Task<ChecksReport> SetChecksAsync(SetChecksRequest request, CancellationToken cancellationToken)
    {
        LastChecks = request;
        return Answer($"SetChecks {request.App} {request.Process}".TrimEnd(), Checks);
    }

    public Task<ListReleasesResponse> ListReleasesAsync(string app, CancellationToken cancellationToken) =>
        Answer($"ListReleases {app}", Releases);

    public Task<ReleaseInfo> GetReleaseAsync(string app, int version, CancellationToken cancellationToken) =>
        Answer($"GetRelease {app} {version}", Release);

    public Task<RollbackResponse> RollbackAsync(string app, int version, CancellationToken cancellationToken) =>
        Answer($"Rollback {app} {version}", Rollback);

    /// <summary>What a deploy answers with: output lines and an outcome.</summary>
    public List<DeployOutput> DeployOutputs { get; } = [];

    /// <summary>The image and tar bytes of the last deploy.</summary>
    public (string? Image, byte[]? Tar, string Description)? LastDeploy { get; private set; }

    public async IAsyncEnumerable<DeployOutput> DeployAsync(
        string app,
        string? image,
        byte[]? tar,
        string description,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        LastDeploy = (image, tar, description);
        await Answer($"Deploy {app}", 0);
        foreach (var output in DeployOutputs)
        {
            yield return output;
        }
    }

    public void Dispose()
    {
    }

    private Task<T> Answer<T>(string call, T response)
    {
        Calls.Add(call);
        return Failure is null ? Task.FromResult(response) : Task.FromException<T>(Failure);
    }
}
