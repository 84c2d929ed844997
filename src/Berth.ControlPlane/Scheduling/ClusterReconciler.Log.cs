namespace Berth.ControlPlane.Scheduling;

public sealed partial class ClusterReconciler
{
    private static partial class Log
    {
        [LoggerMessage(
            EventIds.AssignmentsChanged,
            LogLevel.Information,
            "Assignments changed: {Placed} placed, {Stopped} stopped, {Total} in all")]
        public static partial void AssignmentsChanged(ILogger logger, int placed, int stopped, int total);

        [LoggerMessage(
            EventIds.InstancesUnplaced,
            LogLevel.Warning,
            "{Count} instances cannot be placed; the first because {Reason}")]
        public static partial void InstancesUnplaced(ILogger logger, int count, string reason);

        [LoggerMessage(
            EventIds.HealthChecksUnreadable,
            LogLevel.Warning,
            "The health checks stored with release {Release} of {App} do not parse, so its process types get "
            + "the default checks: {Errors}")]
        public static partial void HealthChecksUnreadable(ILogger logger, string app, int release, string errors);

        [LoggerMessage(EventIds.ReconcileFailed, LogLevel.Error, "A reconcile pass failed")]
        public static partial void ReconcileFailed(ILogger logger, Exception exception);
    }
}
