using Berth.Core.Placement;

namespace Berth.ControlPlane.Store;

/// <summary>
/// The cluster's durable state. SQLite is the embedded implementation; a replicated one
/// (etcd) can stand behind the same interface.
/// </summary>
public interface IClusterStore
{
    // Limitation: SQLite on the control plane's host is the only store so far, so the control plane is a
    // single point of failure (running instances keep running without it).

    /// <summary>Creates an app; false when the name is taken.</summary>
    Task<bool> CreateAppAsync(AppRecord app, CancellationToken ct = default);

    /// <summary>The app, or null.</summary>
    Task<AppRecord?> GetAppAsync(string name, CancellationToken ct = default);

    /// <summary>Every app, by name.</summary>
    Task<IReadOnlyList<AppRecord>> ListAppsAsync(CancellationToken ct = default);

    /// <summary>Deletes an app with its config, domains, releases, formation and assignments.</summary>
    Task<bool> DeleteAppAsync(string name, CancellationToken ct = default);

    /// <summary>The app's current config.</summary>
    Task<ConfigSnapshot> GetConfigAsync(string app, CancellationToken ct = default);

    /// <summary>Sets and unsets config vars in one change; returns the new version.</summary>
    Task<ConfigSnapshot> UpdateConfigAsync(
        string app,
        IReadOnlyDictionary<string, string> set,
        IReadOnlyList<string> unset,
        CancellationToken ct = default);

    /// <summary>Adds a domain to an app; returns the app that already holds it, or null on success.</summary>
    Task<string?> AddDomainAsync(string app, string domain, CancellationToken ct = default);

    /// <summary>Removes a domain from an app; false when the app did not have it.</summary>
    Task<bool> RemoveDomainAsync(string app, string domain, CancellationToken ct = default);

    /// <summary>Every added domain with its app; one app's when <paramref name="app"/> is given.</summary>
    Task<IReadOnlyList<(string Domain, string App)>> ListDomainsAsync(
        string? app = null,
        CancellationToken ct = default);

    /// <summary>Records a new release with the next number.</summary>
    Task<ReleaseRecord> CreateReleaseAsync(
        string app,
        string image,
        string digest,
        ConfigSnapshot config,
        string gitRevision,
        string description,
        string createdBy,
        IReadOnlyDictionary<string, string> processes,
        ReleaseSources sources,
        CancellationToken ct = default);

    /// <summary>The next release number the app will get.</summary>
    Task<int> NextReleaseNumberAsync(string app, CancellationToken ct = default);

    /// <summary>A release, or null.</summary>
    Task<ReleaseRecord?> GetReleaseAsync(string app, int number, CancellationToken ct = default);

    /// <summary>Every release of the app, newest first; none for an unknown app.</summary>
    Task<IReadOnlyList<ReleaseRecord>> ListReleasesAsync(string app, CancellationToken ct = default);

    /// <summary>Marks a release pending, deployed or failed.</summary>
    Task SetReleaseStateAsync(string app, int number, string state, CancellationToken ct = default);

    /// <summary>Makes <paramref name="number"/> the release that should run.</summary>
    Task SetCurrentReleaseAsync(string app, int number, CancellationToken ct = default);

    /// <summary>Process type to instance count.</summary>
    Task<IReadOnlyDictionary<string, int>> GetFormationAsync(string app, CancellationToken ct = default);

    /// <summary>Sets the counts of the given process types, leaving the others.</summary>
    Task SetFormationAsync(string app, IReadOnlyDictionary<string, int> counts, CancellationToken ct = default);

    /// <summary>Every process type of the app's formation with its placement settings, by type.</summary>
    Task<IReadOnlyList<ProcessSettings>> GetProcessSettingsAsync(string app, CancellationToken ct = default);

    /// <summary>Writes one process type's count and placement settings.</summary>
    Task SetProcessSettingsAsync(string app, ProcessSettings settings, CancellationToken ct = default);

    /// <summary>Removes process types from the app's formation.</summary>
    Task RemoveProcessesAsync(string app, IReadOnlyList<string> processes, CancellationToken ct = default);

    /// <summary>Marks the app stopped (ps:stop) or started (ps:start).</summary>
    Task SetStoppedAsync(string app, bool stopped, CancellationToken ct = default);

    /// <summary>Sets and removes cluster labels of a node; false when no such node registered.</summary>
    Task<bool> LabelNodeAsync(
        string node,
        IReadOnlyDictionary<string, string> set,
        IReadOnlyList<string> remove,
        CancellationToken ct = default);

    /// <summary>Records a node's registration.</summary>
    Task UpsertNodeAsync(NodeRecord node, CancellationToken ct = default);

    /// <summary>Every node that ever registered.</summary>
    Task<IReadOnlyList<NodeRecord>> ListNodesAsync(CancellationToken ct = default);

    /// <summary>Every assignment: the instances the cluster should run, with their node.</summary>
    Task<IReadOnlyList<PlacedInstance>> ListAssignmentsAsync(CancellationToken ct = default);

    /// <summary>Replaces every assignment in one transaction.</summary>
    Task ReplaceAssignmentsAsync(IReadOnlyList<PlacedInstance> assignments, CancellationToken ct = default);
}
