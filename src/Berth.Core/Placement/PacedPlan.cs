namespace Berth.Core.Placement;

/// <summary>A placement plan paced for a rolling replacement.</summary>
/// <param name="Place">The new instances to start now.</param>
/// <param name="Retained">Instances of <see cref="PlacementPlan.Stop"/> that keep running for now.</param>
public sealed record PacedPlan(IReadOnlyList<PlacedInstance> Place, IReadOnlyList<PlacedInstance> Retained);
