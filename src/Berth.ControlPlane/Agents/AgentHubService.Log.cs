namespace Berth.ControlPlane.Agents;

public sealed partial class AgentHubService
{
    private static partial class Log
    {
        [LoggerMessage(EventIds.AgentConnected, LogLevel.Information, "Agent of node {Node} connected from {Address}")]
        public static partial void AgentConnected(ILogger logger, string node, string address);

        [LoggerMessage(EventIds.AgentDisconnected, LogLevel.Information, "Agent of node {Node} disconnected")]
        public static partial void AgentDisconnected(ILogger logger, string node);

        [LoggerMessage(
            EventIds.InstanceCrashed,
            LogLevel.Warning,
            "Instance {Instance} of {App} on {Node} crashed with exit code {ExitCode}; next start at {NextRestartAt}")]
        public static partial void InstanceCrashed(
            ILogger logger,
            string app,
            string instance,
            string node,
            int exitCode,
            string nextRestartAt);

        [LoggerMessage(EventIds.AgentRejected, LogLevel.Warning, "Agent rejected: {Reason}")]
        public static partial void AgentRejected(ILogger logger, string reason);
    }
}
