using Microsoft.Extensions.Primitives;
using Yarp.ReverseProxy.Configuration;

namespace Berth.Edge.Routing;

/// <summary>One immutable snapshot of the proxy's routes and clusters, with the token that retires it.</summary>
internal sealed class EdgeProxyConfig : IProxyConfig
{
    private readonly CancellationTokenSource _changed = new();

    /// <summary>Creates the snapshot of <paramref name="routes"/>.</summary>
    public EdgeProxyConfig(EdgeRoutes routes)
    {
        Source = routes;
        ChangeToken = new CancellationChangeToken(_changed.Token);
    }

    /// <summary>The converted route table this snapshot holds.</summary>
    public EdgeRoutes Source { get; }

    /// <inheritdoc />
    public IReadOnlyList<RouteConfig> Routes => Source.Routes;

    /// <inheritdoc />
    public IReadOnlyList<ClusterConfig> Clusters => Source.Clusters;

    /// <inheritdoc />
    public IChangeToken ChangeToken { get; }

    /// <inheritdoc />
    public string RevisionId => Source.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Tells the proxy this snapshot is out of date, so it reads the next one.</summary>
    public void SignalChange() => _changed.Cancel();
}
