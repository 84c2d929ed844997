using Berth.Contracts;
using Yarp.ReverseProxy.Configuration;

namespace Berth.Edge.Routing;

/// <summary>
/// The proxy's only source of routes: holds the latest route table in memory and swaps it in
/// when a new one is applied. Until then it serves no routes at all.
/// </summary>
public sealed class RouteConfigProvider : IProxyConfigProvider
{
    private readonly Lock _gate = new();
    private volatile EdgeProxyConfig _config = new(EdgeRoutes.Empty);
    private volatile bool _hasTable;

    /// <summary>True once a route table has been applied.</summary>
    public bool HasTable => _hasTable;

    /// <summary>The routes the proxy is serving (or about to serve).</summary>
    public EdgeRoutes Current => _config.Source;

    /// <inheritdoc />
    public IProxyConfig GetConfig() => _config;

    /// <summary>Converts <paramref name="table"/>, makes it the current config and signals the proxy.</summary>
    public EdgeRoutes Apply(RouteTable table)
    {
        var routes = RouteTableConverter.Convert(table);

        lock (_gate)
        {
            var previous = _config;
            _config = new EdgeProxyConfig(routes);
            _hasTable = true;
            previous.SignalChange();
        }

        return routes;
    }
}
