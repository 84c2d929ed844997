namespace Berth.ControlPlane.Deployments;

/// <summary>An image a deployment made (built or pulled) and pushed, before its release exists.</summary>
/// <param name="Image">The registry reference, e.g. 127.0.0.1:5000/shop:v7.</param>
/// <param name="Digest">Its pushed digest.</param>
/// <param name="GitRevision">The commit it was built from; empty when not built from git.</param>
/// <param name="Description">What the release will say made it.</param>
/// <param name="CreatedBy">Who asked for it (<see cref="Security.Actor"/>).</param>
public sealed record MadeImage(string Image, string Digest, string GitRevision, string Description, string CreatedBy);
