namespace Berth.ControlPlane.Deployments;

public sealed partial class DeploymentRunner
{
    private static partial class Log
    {
        [LoggerMessage(EventIds.DeploymentStarted, LogLevel.Information, "Deploying {App} v{Release}")]
        public static partial void DeploymentStarted(ILogger logger, string app, int release);

        [LoggerMessage(EventIds.DeploymentSucceeded, LogLevel.Information, "Deployed {App} v{Release}")]
        public static partial void DeploymentSucceeded(ILogger logger, string app, int release);

        [LoggerMessage(EventIds.DeploymentFailed, LogLevel.Warning, "Deployment of {App} v{Release} failed: {Reason}")]
        public static partial void DeploymentFailed(ILogger logger, string app, int release, string reason);

        [LoggerMessage(EventIds.PredeployFailed, LogLevel.Warning, "The predeploy script of {App} failed: {Reason}")]
        public static partial void PredeployFailed(ILogger logger, string app, string reason);

        [LoggerMessage(EventIds.PostdeployFailed, LogLevel.Warning,
            "The postdeploy script of {App} v{Release} failed: {Reason}")]
        public static partial void PostdeployFailed(ILogger logger, string app, int release, string reason);

        [LoggerMessage(EventIds.ImageManifestNotDeleted, LogLevel.Warning,
            "Pruning the old images of {App} failed: {Reason}")]
        public static partial void PruneFailed(ILogger logger, string app, string reason);

        [LoggerMessage(EventIds.BuildFailed, LogLevel.Warning, "Build of {App} on {Node} failed: {Reason}")]
        public static partial void BuildFailed(ILogger logger, string app, string node, string reason);
    }
}
