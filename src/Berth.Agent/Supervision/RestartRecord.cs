using System.Text.Json.Serialization;

namespace Berth.Agent.Supervision;

/// <summary>
/// What the agent remembers of one container's exits and restarts: the counts, the exit it
/// last acted on and, while the container waits to be started again, when that happens.
/// </summary>
/// <param name="ContainerId">Docker's container id; a new container starts a new record.</param>
/// <param name="Restarts">Times the agent started the container again since it was created.</param>
/// <param name="Streak">Crashes in a row (see <see cref="RestartBackoff"/>); 0 before the first.</param>
/// <param name="HandledExit">Docker's FinishedAt of the last exit the agent acted on; null before any.</param>
/// <param name="ExitCode">The exit code of that exit.</param>
/// <param name="OutOfMemory">True when the kernel killed the process for exceeding its memory limit.</param>
/// <param name="Delay">The wait chosen after that exit (or after the last failed start).</param>
/// <param name="NextRestartAt">When the agent starts it again; null when it is not waiting.</param>
/// <param name="StartError">Why the last start failed; empty when it did not.</param>
/// <param name="RestartedAt">When the agent last started it again; null before the first restart.</param>
internal sealed record RestartRecord(
    string ContainerId,
    int Restarts,
    int Streak,
    DateTimeOffset? HandledExit,
    int ExitCode,
    bool OutOfMemory,
    TimeSpan Delay,
    DateTimeOffset? NextRestartAt,
    string StartError,
    DateTimeOffset? RestartedAt = null)
{
    /// <summary>True while the container crashed and waits for its next start.</summary>
    [JsonIgnore]
    public bool IsWaiting => NextRestartAt is not null;

    /// <summary>The record of a container the agent has not seen exit yet.</summary>
    public static RestartRecord New(string containerId) =>
        new(containerId, 0, 0, null, 0, false, TimeSpan.Zero, null, "");
}
