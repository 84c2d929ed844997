namespace Berth.Agent.Containers;

/// <summary>An assigned instance the node cannot start; the reason is reported as its status.</summary>
/// <param name="Assignment">The instance.</param>
/// <param name="Reason">Why, in one sentence.</param>
internal sealed record RejectInstance(InstanceAssignment Assignment, string Reason) : ContainerOperation
{
    /// <inheritdoc />
    public override string ContainerName => Assignment.ContainerName;
}
