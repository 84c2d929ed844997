namespace Berth.Agent.Health;

/// <summary>The container a startup check looks at.</summary>
/// <param name="ContainerId">Docker's container id.</param>
/// <param name="Port">The instance's PORT on the node; 0 when it does not listen.</param>
internal sealed record CheckTarget(string ContainerId, int Port);
