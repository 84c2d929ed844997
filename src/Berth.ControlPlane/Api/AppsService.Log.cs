namespace Berth.ControlPlane.Api;

public sealed partial class AppsService
{
    private static partial class Log
    {
        [LoggerMessage(EventIds.AppCreated, LogLevel.Information, "Created app {App}")]
        public static partial void AppCreated(ILogger logger, string app);

        [LoggerMessage(EventIds.AppDestroyed, LogLevel.Information, "Destroyed app {App}")]
        public static partial void AppDestroyed(ILogger logger, string app);

        [LoggerMessage(
            EventIds.ChecksChanged,
            LogLevel.Information,
            "Health check settings of {App} {Process} changed; checks are {Mode}")]
        public static partial void ChecksChanged(ILogger logger, string app, string process, string mode);

        [LoggerMessage(
            EventIds.ConfigChanged,
            LogLevel.Information,
            "Config of {App} changed to version {ConfigVersion}: {SetCount} set, {UnsetCount} unset")]
        public static partial void ConfigChanged(
            ILogger logger,
            string app,
            int configVersion,
            int setCount,
            int unsetCount);
    }
}
