namespace Berth.ControlPlane.Deployments;

/// <summary>How a deployment ended: the release that runs now, or why it failed.</summary>
/// <param name="Succeeded">True when the release runs.</param>
/// <param name="Release">The release made; 0 when none was.</param>
/// <param name="Error">Why it failed; empty when it succeeded.</param>
public sealed record DeploymentResult(bool Succeeded, int Release, string Error)
{
    /// <summary>What went wrong after the release was deployed (a failed postdeploy); empty when nothing.</summary>
    public string Warning { get; init; } = "";

    /// <summary>A failed deployment that made or kept <paramref name="release"/>.</summary>
    public static DeploymentResult Failed(string error, int release = 0) => new(false, release, error);
}
