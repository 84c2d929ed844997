using Berth.Agent.Docker;
using Docker.DotNet.Models;

namespace Berth.Agent.Containers;

/// <summary>
/// What Docker's inspect adds to its container list: the state's times, exit code and
/// out-of-memory flag.
/// </summary>
/// <param name="State">Docker's state at the inspect, one of <see cref="DockerStates"/>.</param>
/// <param name="ExitCode">The last exit code.</param>
/// <param name="StartedAt">When the process last started; null when never.</param>
/// <param name="FinishedAt">When the process last exited; null when never.</param>
/// <param name="OutOfMemory">True when the kernel killed the process for exceeding its memory limit.</param>
internal sealed record ContainerDetails(
    string State,
    int ExitCode,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    bool OutOfMemory)
{
    /// <summary>Copies the state Docker's inspect returned.</summary>
    public static ContainerDetails From(State state) => new(
        state.Status ?? "",
        (int)Math.Clamp(state.ExitCode, int.MinValue, int.MaxValue),
        DockerTimestamp.Parse(state.StartedAt),
        DockerTimestamp.Parse(state.FinishedAt),
        state.OOMKilled);

    /// <summary>
    /// <paramref name="container"/> with these details; the inspect's state wins over the list's,
    /// being the later look.
    /// </summary>
    public ObservedContainer ApplyTo(ObservedContainer container) => container with
    {
        State = State.Length > 0 ? State : container.State,
        ExitCode = State switch
        {
            DockerStates.Running => null,
            "" => container.ExitCode,
            _ => ExitCode,
        },
        StartedAt = StartedAt,
        FinishedAt = FinishedAt,
        OutOfMemory = OutOfMemory,
    };
}
