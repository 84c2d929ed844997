namespace Berth.Agent.Containers;

/// <summary>Start the container of an assigned instance that was created but never started.</summary>
/// <param name="Id">Docker's container id.</param>
/// <param name="Name">The container name.</param>
internal sealed record StartContainer(string Id, string Name) : ContainerOperation
{
    /// <inheritdoc />
    public override string ContainerName => Name;
}
