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

    /// <summary>A live route table removed backends with requests in flight; its acknowledgement waits.</summary>
    public const int DrainStarted = 3103;

    /// <summary>The requests in flight to removed backends finished; the route table is acknowledged.</summary>
    public const int DrainFinished = 3104;

    /// <summary>The drain limit passed with requests still in flight; the route table is acknowledged anyway.</summary>
    public const int DrainTimedOut = 3105;

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

    /// <summary>Writing an acknowledgement on the route stream failed, so the stream is reopened.</summary>
    public const int AcknowledgementFailed = 3205;

    /// <summary>A request could not be forwarded to a backend instance.</summary>
    public const int ProxyRequestFailed = 3300;
}
