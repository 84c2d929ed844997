using Berth.Contracts;

namespace Berth.Edge.Tests.Support;

/// <summary>Route tables for tests, built the way the control plane sends them.</summary>
internal static class Tables
{
    public static RouteTable Table(long version, params Route[] routes)
    {
        var table = new RouteTable { Version = version };
        table.Routes.Add(routes);

        return table;
    }

    public static Route App(string app, string host, params TestBackend[] backends) =>
        App(app, host, backends.Select(backend => (backend.Name, backend.Url)).ToArray());

    public static Route App(string app, string host, params (string Instance, string Url)[] backends)
    {
        var route = new Route { App = app };
        route.Hosts.Add(host);
        route.Backends.Add(backends.Select(backend => new Backend { Instance = backend.Instance, Url = backend.Url }));

        return route;
    }
}
