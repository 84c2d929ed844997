namespace Berth.Edge.Draining;

/// <summary>What the edge should do about acknowledging route tables right now.</summary>
public abstract record DrainDecision
{
    private DrainDecision()
    {
    }

    /// <summary>No live table is waiting for its acknowledgement.</summary>
    public sealed record Idle : DrainDecision;

    /// <summary>
    /// Table <paramref name="Version"/> is live but removed backends still have requests in flight;
    /// the earliest drain limit passes in <paramref name="Remaining"/>.
    /// </summary>
    public sealed record Wait(long Version, int InFlight, TimeSpan Remaining) : DrainDecision;

    /// <summary>
    /// Acknowledge <paramref name="Version"/> now; <paramref name="Drained"/> says how each drain ended.
    /// </summary>
    public sealed record Acknowledge(long Version, IReadOnlyList<DrainOutcome> Drained) : DrainDecision;
}
