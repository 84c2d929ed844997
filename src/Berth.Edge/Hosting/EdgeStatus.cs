using Berth.Edge.Routing;

namespace Berth.Edge.Hosting;

/// <summary>What the edge knows about itself, for the operator's health endpoint.</summary>
public sealed class EdgeStatus
{
    private volatile EdgeRoutes? _applied;
    private volatile bool _connected;

    /// <summary>The last route table confirmed live, or null before the first one.</summary>
    public EdgeRoutes? Applied => _applied;

    /// <summary>True while the route stream from the control plane is delivering tables.</summary>
    public bool ControlPlaneConnected => _connected;

    /// <summary>Records that <paramref name="routes"/> are live in the proxy.</summary>
    public void RecordApplied(EdgeRoutes routes) => _applied = routes;

    /// <summary>Records whether the route stream is up.</summary>
    public void RecordConnection(bool connected) => _connected = connected;
}
