using Berth.ControlPlane.Deployments;

namespace Berth.ControlPlane.Builds;

/// <summary>How a build ended: the pushed image's digest, or why it failed.</summary>
public sealed record BuildOutcome(bool Succeeded, string Digest, string Error, string Node)
{
    /// <summary>The files the job was asked to read from the image it made, those it found.</summary>
    public FilesInImage Files { get; init; } = FilesInImage.None;
}
