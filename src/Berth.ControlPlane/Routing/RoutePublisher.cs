using System.Collections.Concurrent;
using Berth.Contracts;
using Berth.ControlPlane.Agents;
using Berth.ControlPlane.Store;
using Berth.Core.Placement;
using Berth.Core.Processes;
using Route = Berth.Contracts.Route;

namespace Berth.ControlPlane.Routing;

/// <summary>
/// Computes the route table (every app's hosts and its running web instances on live
/// nodes that the reconciler calls routable), sends it to every connected edge when it
/// changes, and tells who has applied it.
/// </summary>
public sealed partial class RoutePublisher(
    IClusterStore store,
    AgentRegistry agents,
    ControlPlaneOptions options,
    TimeProvider time,
    ILogger<RoutePublisher> logger)
{
    private readonly ConcurrentDictionary<EdgeSession, byte> edges = new();
    private readonly SemaphoreSlim gate = new(1, 1);
    private RouteTable current = new() { Version = 0 };

    /// <summary>The table last published.</summary>
    public RouteTable Current => current;

    /// <summary>Adds an edge and sends it the current table.</summary>
    public void Attach(EdgeSession edge)
    {
        edges[edge] = 0;
        edge.Send(current);
    }

    /// <summary>Removes an edge.</summary>
    public void Detach(EdgeSession edge)
    {
        edges.TryRemove(edge, out _);
        edge.Close();
    }

    /// <summary>
    /// Recomputes the table with the running web instances among <paramref name="routable"/>,
    /// publishes it when it changed, and returns the current version.
    /// </summary>
    public async Task<long> RefreshAsync(IReadOnlyCollection<PlacedInstance> routable, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            var routes = await ComputeRoutesAsync(routable, ct);
            if (routes.SequenceEqual(current.Routes))
            {
                return current.Version;
            }

            var table = new RouteTable { Version = current.Version + 1 };
            table.Routes.Add(routes);
            current = table;
            foreach (var edge in edges.Keys)
            {
                edge.Send(table);
            }

            Log.RoutesPublished(logger, table.Version, table.Routes.Count, edges.Count);
            return table.Version;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>True when every connected edge has applied <paramref name="version"/> or a newer one.</summary>
    public bool AllAcknowledged(long version) => edges.Keys.All(e => e.Acknowledged >= version);

    /// <summary>
    /// Waits until every connected edge has applied <paramref name="version"/> or a newer one.
    /// False when <paramref name="timeout"/> passed first.
    /// </summary>
    public async Task<bool> WaitForAcknowledgementsAsync(long version, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = time.GetUtcNow() + timeout;
        while (!AllAcknowledged(version))
        {
            if (time.GetUtcNow() >= deadline)
            {
                var late = string.Join(", ", edges.Keys.Where(e => e.Acknowledged < version).Select(e => e.Name));
                Log.EdgeAckTimedOut(logger, version, late);
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), time, ct);
        }

        return true;
    }

    private async Task<List<Route>> ComputeRoutesAsync(
        IReadOnlyCollection<PlacedInstance> routable,
        CancellationToken ct)
    {
        var apps = await store.ListAppsAsync(ct);
        var domains = (await store.ListDomainsAsync(null, ct)).ToLookup(d => d.App, d => d.Domain);
        var backends = RunningWebBackends(routable).ToLookup(b => b.App, b => b.Backend);

        return apps
            .Select(app =>
            {
                var route = new Route { App = app.Name };
                route.Hosts.Add($"{app.Name}.{options.Domain}");
                route.Hosts.Add(domains[app.Name]);
                route.Backends.Add(backends[app.Name].OrderBy(b => b.Instance, StringComparer.Ordinal));
                return route;
            })
            .ToList();
    }

    private IEnumerable<(string App, Backend Backend)> RunningWebBackends(IReadOnlyCollection<PlacedInstance> routable)
    {
        var wanted = routable.Select(i => (i.Node, i.Name, i.Release)).ToHashSet();
        return
            from session in agents.Sessions
            where agents.StatusOf(session.Node) == NodeStatus.Ready
            from instance in session.Instances
            where instance.Process == ProcessType.Web
                && instance.State == InstanceStates.Running
                && instance.Port > 0
                && wanted.Contains((session.Node, instance.Instance, instance.Release))
            select (instance.App, new Backend
            {
                Instance = InstanceName.Container(instance.Instance, instance.Release),
                Url = $"http://{session.Registration.Address}:{instance.Port}",
            });
    }
}
