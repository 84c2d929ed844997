using Berth.Contracts;
using Berth.Edge.Routing;
using Yarp.ReverseProxy.LoadBalancing;

namespace Berth.Edge.Tests.Routing;

public sealed class RouteTableConverterTests
{
    [Fact]
    public void Convert_AppWithHosts_RouteMatchesItsHostsOnAnyPath()
    {
        var table = Table(3,
            App("shop", ["shop.localhost", "www.shop.example"], ("shop.web.1", "http://10.0.0.1:20000")));

        var routes = RouteTableConverter.Convert(table);

        var route = Assert.Single(routes.Routes);
        Assert.Equal(3, routes.Version);
        Assert.Equal("shop", route.RouteId);
        Assert.Equal("shop", route.ClusterId);
        Assert.Equal(["shop.localhost", "www.shop.example"], route.Match.Hosts);
        Assert.Equal(RouteTableConverter.CatchAllPath, route.Match.Path);
        Assert.Empty(routes.Warnings);
    }

    [Fact]
    public void Convert_AppWithHosts_KeepsTheClientsHostHeader()
    {
        var table = Table(1, App("shop", ["shop.localhost"]));

        var route = Assert.Single(RouteTableConverter.Convert(table).Routes);

        var transform = Assert.Single(route.Transforms!);
        Assert.True(bool.Parse(transform["RequestHeaderOriginalHost"]));
    }

    [Fact]
    public void Convert_Backends_OneDestinationPerInstanceWithRoundRobin()
    {
        var table = Table(1, App("shop", ["shop.localhost"],
            ("shop.web.1", "http://10.0.0.1:20000"),
            ("shop.web.2", "http://10.0.0.2:20001")));

        var cluster = Assert.Single(RouteTableConverter.Convert(table).Clusters);

        Assert.Equal("shop", cluster.ClusterId);
        Assert.Equal(LoadBalancingPolicies.RoundRobin, cluster.LoadBalancingPolicy);
        Assert.Equal(TimeSpan.FromSeconds(100), cluster.HttpRequest!.ActivityTimeout);
        Assert.Equal("http://10.0.0.1:20000", cluster.Destinations!["shop.web.1"].Address);
        Assert.Equal("http://10.0.0.2:20001", cluster.Destinations!["shop.web.2"].Address);
        Assert.Equal(2, cluster.Destinations.Count);
    }

    [Fact]
    public void Convert_UnsortedTable_OrdersAppsHostsAndDestinationsByName()
    {
        var table = Table(1,
            App("zeta", ["b.zeta.localhost", "a.zeta.localhost"],
                ("zeta.web.2", "http://10.0.0.2:1"), ("zeta.web.1", "http://10.0.0.1:1")),
            App("alpha", ["alpha.localhost"]));

        var routes = RouteTableConverter.Convert(table);

        Assert.Equal(["alpha", "zeta"], routes.Routes.Select(route => route.RouteId));
        Assert.Equal(["alpha", "zeta"], routes.Clusters.Select(cluster => cluster.ClusterId));
        Assert.Equal(["a.zeta.localhost", "b.zeta.localhost"], routes.Routes[1].Match.Hosts);
        Assert.Equal(["zeta.web.1", "zeta.web.2"], routes.Clusters[1].Destinations!.Keys);
    }

    [Fact]
    public void Convert_AppWithoutBackends_KeepsRouteWithEmptyCluster()
    {
        var table = Table(1, App("idle", ["idle.localhost"]));

        var routes = RouteTableConverter.Convert(table);

        Assert.Equal("idle", Assert.Single(routes.Routes).RouteId);
        Assert.Empty(Assert.Single(routes.Clusters).Destinations!);
        Assert.Equal(0, routes.BackendCount);
        Assert.Empty(routes.Warnings);
    }

    [Fact]
    public void Convert_HostClaimedByTwoApps_GoesToTheAppWhoseNameSortsFirst()
    {
        var table = Table(1,
            App("beta", ["shared.example", "beta.localhost"]),
            App("alpha", ["shared.example", "alpha.localhost"]));

        var routes = RouteTableConverter.Convert(table);

        Assert.Equal(["alpha.localhost", "shared.example"], routes.Routes[0].Match.Hosts);
        Assert.Equal(["beta.localhost"], routes.Routes[1].Match.Hosts);
        var warning = Assert.Single(routes.Warnings);
        Assert.Equal("beta", warning.App);
        Assert.Contains("already served by app 'alpha'", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_AppLeftWithoutHosts_IsNotRoutedAtAll()
    {
        var table = Table(1, App("alpha", ["shared.example"]), App("beta", ["shared.example"]));

        var routes = RouteTableConverter.Convert(table);

        Assert.Equal("alpha", Assert.Single(routes.Routes).RouteId);
        Assert.Equal("alpha", Assert.Single(routes.Clusters).ClusterId);
        Assert.Contains(routes.Warnings, warning => warning.App == "beta" && warning.Message.Contains("no host"));
    }

    [Fact]
    public void Convert_HostsNeedingCleanUp_AreNormalisedOrSkipped()
    {
        var table = Table(1, App("shop", ["Shop.LOCALHOST", "shop.localhost", "bad host!", "_edge", ""]));

        var routes = RouteTableConverter.Convert(table);

        Assert.Equal(["shop.localhost"], Assert.Single(routes.Routes).Match.Hosts);
        Assert.Equal(3, routes.Warnings.Count);
    }

    [Fact]
    public void Convert_BadBackends_AreSkippedWithWarnings()
    {
        var table = Table(1, App("shop", ["shop.localhost"],
            ("shop.web.1", "http://10.0.0.1:20000"),
            ("shop.web.1", "http://10.0.0.9:20000"),
            ("shop.web.2", "ftp://10.0.0.2:21"),
            ("shop.web.3", "http://10.0.0.3:20000/path"),
            ("shop.web.4", "not a url"),
            ("", "http://10.0.0.5:20000")));

        var routes = RouteTableConverter.Convert(table);

        var destination = Assert.Single(Assert.Single(routes.Clusters).Destinations!);
        Assert.Equal("shop.web.1", destination.Key);
        Assert.Equal("http://10.0.0.1:20000", destination.Value.Address);
        Assert.Equal(5, routes.Warnings.Count);
    }

    [Fact]
    public void Convert_InvalidOrRepeatedAppNames_UseOnlyTheFirstValidEntry()
    {
        var table = Table(1,
            App("shop", ["shop.localhost"], ("shop.web.1", "http://10.0.0.1:1")),
            App("shop", ["other.localhost"], ("shop.web.9", "http://10.0.0.9:1")),
            App("Bad_Name", ["bad.localhost"]));

        var routes = RouteTableConverter.Convert(table);

        Assert.Equal(["shop.localhost"], Assert.Single(routes.Routes).Match.Hosts);
        Assert.Equal(["shop.web.1"], Assert.Single(routes.Clusters).Destinations!.Keys);
        Assert.Equal(2, routes.Warnings.Count);
    }

    [Fact]
    public void Convert_SameTableInAnotherOrder_GivesEqualConfigs()
    {
        var first = Table(1,
            App("a", ["a.localhost", "x.localhost"], ("a.web.1", "http://10.0.0.1:1"), ("a.web.2", "http://h:2")),
            App("b", ["b.localhost"]));
        var second = Table(1,
            App("b", ["b.localhost"]),
            App("a", ["x.localhost", "a.localhost"], ("a.web.2", "http://h:2"), ("a.web.1", "http://10.0.0.1:1")));

        var one = RouteTableConverter.Convert(first);
        var two = RouteTableConverter.Convert(second);

        Assert.Equal(one.Routes, two.Routes);
        Assert.Equal(one.Clusters, two.Clusters);
    }

    [Fact]
    public void Convert_EmptyTable_GivesNoRoutes()
    {
        var routes = RouteTableConverter.Convert(Table(7));

        Assert.Equal(7, routes.Version);
        Assert.Empty(routes.Routes);
        Assert.Empty(routes.Clusters);
    }

    private static RouteTable Table(long version, params Route[] routes)
    {
        var table = new RouteTable { Version = version };
        table.Routes.Add(routes);

        return table;
    }

    private static Route App(string app, string[] hosts, params (string Instance, string Url)[] backends)
    {
        var route = new Route { App = app };
        route.Hosts.Add(hosts);
        route.Backends.Add(backends.Select(backend => new Backend { Instance = backend.Instance, Url = backend.Url }));

        return route;
    }
}
