using Berth.Contracts;
using Berth.Core.Apps;
using Berth.Core.Domains;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.LoadBalancing;
using Yarp.ReverseProxy.Transforms;
using Route = Berth.Contracts.Route;

namespace Berth.Edge.Routing;

/// <summary>
/// Turns the control plane's route table into proxy routes and clusters: one route per app
/// matching its hosts, one round-robin cluster per app with a destination per backend.
/// Output is sorted (apps, hosts and destinations by ordinal name), so equal tables give equal
/// configs. A host claimed by several apps goes to the app whose name sorts first.
/// </summary>
public static class RouteTableConverter
{
    /// <summary>The path pattern every app route matches: all of it.</summary>
    public const string CatchAllPath = "{**catch-all}";

    /// <summary>How long a proxied request may stay idle before it is cancelled.</summary>
    public static readonly TimeSpan ActivityTimeout = TimeSpan.FromSeconds(100);

    /// <summary>Converts <paramref name="table"/>; entries it cannot serve are reported, never thrown.</summary>
    public static EdgeRoutes Convert(RouteTable table)
    {
        var warnings = new List<RouteTableWarning>();
        var hostOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        var apps = new HashSet<string>(StringComparer.Ordinal);
        var routes = new List<RouteConfig>();
        var clusters = new List<ClusterConfig>();

        // Limitation: a host claimed by two apps goes to the name that sorts first, not to the app that added it first.
        foreach (var route in table.Routes.OrderBy(route => route.App, StringComparer.Ordinal))
        {
            if (!AcceptApp(route.App, apps, warnings))
            {
                continue;
            }

            var hosts = ClaimHosts(route, hostOwners, warnings);
            if (hosts.Count == 0)
            {
                warnings.Add(new(route.App, $"app '{route.App}' has no host of its own, so it is not routed."));
                continue;
            }

            routes.Add(CreateRoute(route.App, hosts));
            clusters.Add(CreateCluster(route, warnings));
        }

        return new EdgeRoutes(table.Version, routes, clusters, warnings);
    }

    private static bool AcceptApp(string app, HashSet<string> apps, List<RouteTableWarning> warnings)
    {
        if (!AppName.IsValid(app))
        {
            warnings.Add(new(app, $"'{app}' is not a valid app name, so its route is left out."));
            return false;
        }

        if (!apps.Add(app))
        {
            warnings.Add(new(app, $"app '{app}' appears more than once; only its first route is used."));
            return false;
        }

        return true;
    }

    private static List<string> ClaimHosts(
        Route route,
        Dictionary<string, string> hostOwners,
        List<RouteTableWarning> warnings)
    {
        var claimed = new SortedSet<string>(StringComparer.Ordinal);

        foreach (var text in route.Hosts)
        {
            var host = DomainName.Validate(text);
            if (!host.IsValid)
            {
                warnings.Add(new(route.App, $"host '{text}' of app '{route.App}' is not a valid domain; ignored."));
            }
            else if (hostOwners.TryAdd(host.Value!, route.App) || hostOwners[host.Value!] == route.App)
            {
                claimed.Add(host.Value!);
            }
            else
            {
                warnings.Add(new(route.App,
                    $"host '{host.Value}' of app '{route.App}' is already served by app '{hostOwners[host.Value!]}'."));
            }
        }

        return [.. claimed];
    }

    private static RouteConfig CreateRoute(string app, IReadOnlyList<string> hosts)
    {
        var route = new RouteConfig
        {
            RouteId = app,
            ClusterId = app,
            Match = new RouteMatch { Hosts = hosts, Path = CatchAllPath },
        };

        // Apps see the Host the client asked for, as behind Dokku's nginx or Heroku's router;
        // X-Forwarded-For/Proto/Host/Prefix are set by the proxy's default transforms.
        return route.WithTransformUseOriginalHostHeader(useOriginal: true);
    }

    private static ClusterConfig CreateCluster(Route route, List<RouteTableWarning> warnings)
    {
        var destinations = new SortedDictionary<string, DestinationConfig>(StringComparer.Ordinal);

        foreach (var backend in route.Backends)
        {
            AddDestination(route.App, backend, destinations, warnings);
        }

        // Limitation: no active or passive health checks and no retries; an instance that dies answers 502
        // for its round-robin share until the control plane withdraws it from the route table.
        return new ClusterConfig
        {
            ClusterId = route.App,
            LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin,
            HttpRequest = new() { ActivityTimeout = ActivityTimeout },
            Destinations = new Dictionary<string, DestinationConfig>(destinations, StringComparer.Ordinal),
        };
    }

    private static void AddDestination(
        string app,
        Backend backend,
        SortedDictionary<string, DestinationConfig> destinations,
        List<RouteTableWarning> warnings)
    {
        if (string.IsNullOrWhiteSpace(backend.Instance))
        {
            warnings.Add(new(app, $"a backend of app '{app}' at '{backend.Url}' has no instance name; it is ignored."));
        }
        else if (!IsBackendUrl(backend.Url))
        {
            warnings.Add(new(app,
                $"instance '{backend.Instance}' of app '{app}' has '{backend.Url}', not an http://host:port URL; " +
                "it is ignored."));
        }
        else if (!destinations.TryAdd(backend.Instance, new DestinationConfig { Address = backend.Url }))
        {
            warnings.Add(new(app, $"instance '{backend.Instance}' of app '{app}' appears more than once; " +
                "only its first backend is used."));
        }
    }

    private static bool IsBackendUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && uri.AbsolutePath == "/"
        && uri.Query.Length == 0
        && uri.Fragment.Length == 0
        && uri.UserInfo.Length == 0;
}
