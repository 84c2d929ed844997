namespace Berth.Agent.Containers;

/// <summary>
/// Stop a Berth-managed container no longer assigned (SIGTERM, a grace period, then SIGKILL)
/// and remove it.
/// </summary>
/// <param name="Id">Docker's container id.</param>
/// <param name="Name">The container name.</param>
internal sealed record RemoveContainer(string Id, string Name) : ContainerOperation
{
    /// <inheritdoc />
    public override string ContainerName => Name;
}
