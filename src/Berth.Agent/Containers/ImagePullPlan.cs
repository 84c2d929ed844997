namespace Berth.Agent.Containers;

/// <summary>The images one reconcile needs, split by whether they must be pulled.</summary>
/// <param name="Pull">Images to pull, each once.</param>
/// <param name="Present">Images the node already has under a pinned reference: not pulled.</param>
internal sealed record ImagePullPlan(IReadOnlyList<string> Pull, IReadOnlyList<string> Present);
