using Berth.Contracts;
using Berth.Edge.Draining;
using Berth.Edge.Hosting;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Configuration;

namespace Berth.Edge.Routing;

/// <summary>
/// Applies a route table and confirms the proxy is serving it, so an acknowledgement to the
/// control plane is only ever sent for routes that are really live. A live table is handed to the
/// <see cref="RouteDrainer"/>, which decides when it may be acknowledged.
/// </summary>
public sealed partial class RouteTableApplier(
    RouteConfigProvider provider,
    IProxyStateLookup proxyState,
    RouteDrainer drainer,
    EdgeStatus status,
    TimeProvider time,
    ILogger<RouteTableApplier> logger)
{
    /// <summary>How long the proxy gets to take a new table before it counts as not applied.</summary>
    public static readonly TimeSpan ConfirmTimeout = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>Applies <paramref name="table"/>; true once the proxy serves exactly its routes.</summary>
    public async Task<bool> ApplyAsync(RouteTable table, CancellationToken cancellationToken)
    {
        var routes = provider.Apply(table);
        foreach (var warning in routes.Warnings)
        {
            Log.EntrySkipped(logger, routes.Version, warning.App, warning.Message);
        }

        var confirmed = await WaitUntilLiveAsync(routes, cancellationToken);
        if (!confirmed)
        {
            Log.NotConfirmed(logger, routes.Version, ConfirmTimeout);
            return false;
        }

        status.RecordApplied(routes);
        drainer.TableLive(routes);
        Log.Applied(logger, routes.Version, routes.Routes.Count, routes.BackendCount);

        return true;
    }

    private async Task<bool> WaitUntilLiveAsync(EdgeRoutes routes, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + ConfirmTimeout;

        while (!IsLive(routes))
        {
            if (time.GetUtcNow() >= deadline)
            {
                return false;
            }

            await Task.Delay(PollInterval, time, cancellationToken);
        }

        return true;
    }

    private bool IsLive(EdgeRoutes routes)
    {
        var liveRoutes = proxyState.GetRoutes().ToDictionary(route => route.Config.RouteId, route => route.Config);
        var liveClusters = proxyState.GetClusters().ToDictionary(cluster => cluster.ClusterId);

        return liveRoutes.Count == routes.Routes.Count
            && liveClusters.Count == routes.Clusters.Count
            && routes.Routes.All(route => liveRoutes.GetValueOrDefault(route.RouteId)?.Equals(route) == true)
            && routes.Clusters.All(cluster =>
                IsClusterLive(liveClusters.GetValueOrDefault(cluster.ClusterId), cluster));
    }

    private static bool IsClusterLive(Yarp.ReverseProxy.Model.ClusterState? live, ClusterConfig wanted) =>
        live is not null
        && live.Model.Config.Equals(wanted)
        && live.DestinationsState.AllDestinations.Count == (wanted.Destinations?.Count ?? 0);

    private static partial class Log
    {
        [LoggerMessage(EventId = EventIds.RouteTableApplied, EventName = "RouteTableApplied",
            Level = LogLevel.Information,
            Message = "Route table {Version} applied: {Routes} app routes over {Backends} backend instances.")]
        public static partial void Applied(ILogger logger, long version, int routes, int backends);

        [LoggerMessage(EventId = EventIds.RouteTableEntrySkipped, EventName = "RouteTableEntrySkipped",
            Level = LogLevel.Warning, Message = "Route table {Version}, app {App}: {Problem}")]
        public static partial void EntrySkipped(ILogger logger, long version, string app, string problem);

        [LoggerMessage(EventId = EventIds.RouteTableNotConfirmed, EventName = "RouteTableNotConfirmed",
            Level = LogLevel.Error,
            Message = "Route table {Version} was not live in the proxy within {Timeout}; it is not acknowledged.")]
        public static partial void NotConfirmed(ILogger logger, long version, TimeSpan timeout);
    }
}
