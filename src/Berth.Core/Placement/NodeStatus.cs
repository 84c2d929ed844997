namespace Berth.Core.Placement;

/// <summary>Whether a node takes new instances.</summary>
public enum NodeStatus
{
    /// <summary>Connected and taking instances.</summary>
    Ready,

    /// <summary>Connected, keeps what it runs, takes nothing new.</summary>
    Draining,

    /// <summary>Not heard from within the liveness window.</summary>
    Down,
}
