namespace Berth.Core.Placement;

/// <summary>The placement decision: what stays, what starts where, what stops, what cannot fit.</summary>
/// <param name="Keep">Current instances that already satisfy the formation; untouched.</param>
/// <param name="Place">New instances and the node each starts on.</param>
/// <param name="Stop">Current instances the formation no longer asks for.</param>
/// <param name="Unplaced">Instances no eligible node can take.</param>
public sealed record PlacementPlan(
    IReadOnlyList<PlacedInstance> Keep,
    IReadOnlyList<PlacedInstance> Place,
    IReadOnlyList<PlacedInstance> Stop,
    IReadOnlyList<UnplacedInstance> Unplaced);
