namespace Berth.ControlPlane.Routing;

public sealed partial class RoutePublisher
{
    private static partial class Log
    {
        [LoggerMessage(
            EventIds.RoutesPublished,
            LogLevel.Information,
            "Published route table {Version} with {RouteCount} routes to {EdgeCount} edges")]
        public static partial void RoutesPublished(ILogger logger, long version, int routeCount, int edgeCount);

        [LoggerMessage(
            EventIds.EdgeAckTimedOut,
            LogLevel.Warning,
            "Edges {Edges} did not acknowledge route table {Version} in time")]
        public static partial void EdgeAckTimedOut(ILogger logger, long version, string edges);
    }
}
