namespace Berth.Agent.Containers;

/// <summary>
/// A container as the Docker engine lists it, as plain data for the reconciler, the restart
/// supervisor and the reports.
/// </summary>
/// <param name="Id">Docker's container id.</param>
/// <param name="Name">The container name, without Docker's leading slash.</param>
/// <param name="Labels">The container's labels.</param>
/// <param name="State">Docker's state, one of <see cref="DockerStates"/>.</param>
/// <param name="ExitCode">The last exit code, when the container has exited.</param>
/// <param name="StartedAt">When its process last started (Docker's State.StartedAt); null if never.</param>
/// <param name="FinishedAt">When its process last exited (Docker's State.FinishedAt); null if never.</param>
/// <param name="OutOfMemory">True when the kernel killed its process for exceeding its memory limit.</param>
internal sealed record ObservedContainer(
    string Id,
    string Name,
    IReadOnlyDictionary<string, string> Labels,
    string State,
    int? ExitCode,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? FinishedAt = null,
    bool OutOfMemory = false)
{
    /// <summary>True when Berth created the container (label <c>berth.managed=true</c>).</summary>
    public bool IsManaged => ContainerLabels.IsManaged(Labels);

    /// <summary>The host port the instance listens on; 0 when it does not listen.</summary>
    public int Port => ContainerLabels.ReadNumber(Labels, ContainerLabels.Port);

    /// <summary>True when the container's process runs.</summary>
    public bool IsRunning => State == DockerStates.Running;

    /// <summary>True when the container's process ran and exited; the restart supervisor owns these.</summary>
    public bool HasExited => State == DockerStates.Exited;

    /// <summary>True when the container was created but never started; the reconciler starts these.</summary>
    public bool NeverStarted => State == DockerStates.Created;
}
