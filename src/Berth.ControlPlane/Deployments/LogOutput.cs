namespace Berth.ControlPlane.Deployments;

/// <summary>Deployment progress with nobody watching (a config change): it goes to the debug log.</summary>
public sealed partial class LogOutput(ILogger logger, string app) : IDeploymentOutput
{
    /// <inheritdoc />
    public Task WriteLineAsync(string line)
    {
        Log.Progress(logger, app, line.Trim());
        return Task.CompletedTask;
    }

    private static partial class Log
    {
        [LoggerMessage(EventIds.DeploymentProgress, LogLevel.Debug, "Deployment of {App}: {Line}")]
        public static partial void Progress(ILogger logger, string app, string line);
    }
}
