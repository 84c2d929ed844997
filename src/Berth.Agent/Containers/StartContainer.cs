namespace Berth.Agent.Containers;

/// <summary>Start the container of an assigned instance that was created but never started.</summary>
/// <param name="Id">Docker's container id.</param>
/// <param name="Name">The container name.</param>
/// <param name="Assignment">The instance it belongs to, for its startup checks; null when unknown.</param>
internal sealed record StartContainer(string Id, string Name, InstanceAssignment? Assignment = null)
    : ContainerOperation
{
    /// <inheritdoc />
    public override string ContainerName => Name;
}
