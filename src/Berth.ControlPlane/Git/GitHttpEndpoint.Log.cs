namespace Berth.ControlPlane.Git;

public sealed partial class GitHttpEndpoint
{
    private static partial class Log
    {
        [LoggerMessage(
            EventIds.GitBackendOutput,
            LogLevel.Debug,
            "git http-backend for {App} exited with {ExitCode}: {Output}")]
        public static partial void BackendOutput(ILogger logger, string app, int exitCode, string output);
    }
}
