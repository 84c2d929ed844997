namespace Berth.Agent.Supervision;

/// <summary>The outcome of one look at the node's containers.</summary>
/// <param name="Records">The records to keep, by container id: one per listed managed container.</param>
/// <param name="Crashed">Containers whose exit was seen for the first time and now wait to be started.</param>
/// <param name="Due">Crashed containers whose wait is over: start them now.</param>
internal sealed record RestartPlan(
    IReadOnlyDictionary<string, RestartRecord> Records,
    IReadOnlyList<PlannedRestart> Crashed,
    IReadOnlyList<PlannedRestart> Due);
