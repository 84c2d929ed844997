namespace Berth.ControlPlane.Deployments;

/// <summary>Where a deployment tells its progress: the pusher's terminal, or the log.</summary>
public interface IDeploymentOutput
{
    /// <summary>Writes one line of progress.</summary>
    Task WriteLineAsync(string line);
}
