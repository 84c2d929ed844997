namespace Berth.ControlPlane.Routing;

public sealed partial class RouteHubService
{
    private static partial class Log
    {
        [LoggerMessage(EventIds.EdgeConnected, LogLevel.Information, "Edge {Edge} connected")]
        public static partial void EdgeConnected(ILogger logger, string edge);

        [LoggerMessage(EventIds.EdgeDisconnected, LogLevel.Information, "Edge {Edge} disconnected")]
        public static partial void EdgeDisconnected(ILogger logger, string edge);
    }
}
