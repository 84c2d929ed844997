using Berth.Agent.Containers;

namespace Berth.Agent.Supervision;

/// <summary>A container the restart planner singled out, with its record after the planning.</summary>
/// <param name="Container">The container as Docker listed it.</param>
/// <param name="Record">Its restart record.</param>
internal sealed record PlannedRestart(ObservedContainer Container, RestartRecord Record);
