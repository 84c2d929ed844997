namespace Berth.Edge.Draining;

/// <summary>How the drain of one removed backend ended.</summary>
/// <param name="Backend">The backend a route table removed.</param>
/// <param name="InFlightAtRemoval">Requests in flight to it when the table without it went live.</param>
/// <param name="StillInFlight">Requests still in flight when the edge stopped waiting (0 unless it timed out).</param>
/// <param name="Waited">How long the edge waited for it.</param>
public sealed record DrainOutcome(BackendKey Backend, int InFlightAtRemoval, int StillInFlight, TimeSpan Waited)
{
    /// <summary>True when the drain limit passed with requests still in flight.</summary>
    public bool TimedOut => StillInFlight > 0;
}
