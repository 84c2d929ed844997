namespace Berth.Agent.Containers;

/// <summary>Pull the image, then create and start the container of an assigned instance.</summary>
/// <param name="Assignment">The instance to start.</param>
/// <param name="Port">The host port it listens on; 0 when it does not listen.</param>
internal sealed record StartInstance(InstanceAssignment Assignment, int Port) : ContainerOperation
{
    /// <inheritdoc />
    public override string ContainerName => Assignment.ContainerName;
}
