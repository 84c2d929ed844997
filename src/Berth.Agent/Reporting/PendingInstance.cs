using Berth.Agent.Containers;

namespace Berth.Agent.Reporting;

/// <summary>
/// What the agent knows of a container beyond what Docker lists: an instance still being
/// pulled or created, or the error of the last operation on it.
/// </summary>
/// <param name="ContainerName">The container, <c>app.type.N.vR</c>.</param>
/// <param name="Assignment">The instance, when the entry comes from an assignment.</param>
/// <param name="Port">The port it was given; 0 when it does not listen.</param>
/// <param name="State">One of <see cref="InstanceStates"/>.</param>
/// <param name="Message">The last error, or empty.</param>
internal sealed record PendingInstance(
    string ContainerName,
    InstanceAssignment? Assignment,
    int Port,
    string State,
    string Message);
