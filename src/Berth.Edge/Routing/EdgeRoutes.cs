using Berth.Edge.Draining;
using Yarp.ReverseProxy.Configuration;

namespace Berth.Edge.Routing;

/// <summary>A route table turned into the proxy's routes and clusters, one of each per app.</summary>
/// <param name="Version">The version of the route table this came from.</param>
/// <param name="Routes">One route per app, matching the app's hosts.</param>
/// <param name="Clusters">One cluster per app, one destination per backend instance.</param>
/// <param name="Warnings">Entries of the table that were left out.</param>
public sealed record EdgeRoutes(
    long Version,
    IReadOnlyList<RouteConfig> Routes,
    IReadOnlyList<ClusterConfig> Clusters,
    IReadOnlyList<RouteTableWarning> Warnings)
{
    /// <summary>What the edge serves before the first table arrives: nothing.</summary>
    public static EdgeRoutes Empty { get; } = new(0, [], [], []);

    /// <summary>How many backend instances the routes spread traffic over.</summary>
    public int BackendCount => Clusters.Sum(cluster => cluster.Destinations?.Count ?? 0);

    /// <summary>Every backend the routes forward to, as the route table named it (computed on each call).</summary>
    public IReadOnlySet<BackendKey> Backends => Clusters
        .SelectMany(cluster => cluster.Destinations ?? new Dictionary<string, DestinationConfig>())
        .Select(destination => new BackendKey(destination.Key, destination.Value.Address))
        .ToHashSet();
}
