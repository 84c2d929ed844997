namespace Berth.Edge;

/// <summary>
/// Every event id the edge logs with, in one place so they stay unique (the edge owns 3000-3999).
/// </summary>
internal static class EventIds
{
    /// <summary>The edge started listening.</summary>
    public const int EdgeListening = 3000;

    /// <summary>A route table from the control plane is live in the proxy.</summary>
    public const int RouteTableApplied = 3100;

    /// <summary>An entry of a route table was left out (bad host, bad backend, duplicate).</summary>
    public const int RouteTableEntrySkipped = 3101;

    /// <summary>The proxy did not confirm a route table in time, so it was not acknowledged.</summary>
    public const int RouteTableNotConfirmed = 3102;

    /// <summary>The route stream from the control plane is open and delivering tables.</summary>
    public const int ControlPlaneConnected = 3200;

    /// <summary>The route stream from the control plane came back after a loss.</summary>
    public const int ControlPlaneRestored = 3201;

    /// <summary>The route stream from the control plane dropped or could not be opened.</summary>
    public const int ControlPlaneLost = 3202;

    /// <summary>A further reconnection attempt failed while the control plane is still away.</summary>
    public const int ControlPlaneRetryFailed = 3203;

    /// <summary>The control plane rejected the edge's token.</summary>
    public const int ControlPlaneUnauthenticated = 3204;

    /// <summary>A request could not be forwarded to a backend instance.</summary>
    public const int ProxyRequestFailed = 3300;
}
