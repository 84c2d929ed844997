namespace Berth.ControlPlane.Builds;

/// <summary>How a build ended: the pushed image's digest, or why it failed.</summary>
public sealed record BuildOutcome(bool Succeeded, string Digest, string Error, string Node);
