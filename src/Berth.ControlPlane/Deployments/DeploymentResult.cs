namespace Berth.ControlPlane.Deployments;

/// <summary>How a deployment ended: the release that runs now, or why it failed.</summary>
public sealed record DeploymentResult(bool Succeeded, int Release, string Error)
{
    /// <summary>A failed deployment that made or kept <paramref name="release"/>.</summary>
    public static DeploymentResult Failed(string error, int release = 0) => new(false, release, error);
}
