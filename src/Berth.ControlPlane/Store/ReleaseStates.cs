namespace Berth.ControlPlane.Store;

/// <summary>The states a release goes through, as the store keeps them.</summary>
public static class ReleaseStates
{
    /// <summary>Recorded; its deployment has not ended yet (or the control plane stopped during it).</summary>
    public const string Pending = "pending";

    /// <summary>Its instances ran and every edge routed to them.</summary>
    public const string Deployed = "deployed";

    /// <summary>Its instances did not start; the release before it kept serving.</summary>
    public const string Failed = "failed";
}
