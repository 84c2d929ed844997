namespace Berth.ControlPlane;

/// <summary>Every log event id of the control plane, in one place so none is reused.</summary>
internal static class EventIds
{
    public const int Started = 1000;
    public const int OptionsInvalid = 1001;

    public const int AgentConnected = 1100;
    public const int AgentDisconnected = 1101;
    public const int AgentRejected = 1102;
    public const int InstanceCrashed = 1103;

    public const int AssignmentsChanged = 1200;
    public const int InstancesUnplaced = 1201;
    public const int ReconcileFailed = 1202;
    public const int HealthChecksUnreadable = 1203;

    public const int RoutesPublished = 1300;
    public const int EdgeConnected = 1301;
    public const int EdgeDisconnected = 1302;
    public const int EdgeAckTimedOut = 1303;

    public const int DeploymentStarted = 1400;
    public const int DeploymentSucceeded = 1401;
    public const int DeploymentFailed = 1402;
    public const int BuildFailed = 1403;
    public const int DeploymentProgress = 1404;
    public const int PredeployFailed = 1405;
    public const int PostdeployFailed = 1406;
    public const int ImageManifestDeleted = 1410;
    public const int ImageManifestNotDeleted = 1411;

    public const int GitRequestFailed = 1500;
    public const int GitBackendOutput = 1501;

    public const int AppCreated = 1600;
    public const int AppDestroyed = 1601;
    public const int ConfigChanged = 1602;
    public const int Unauthenticated = 1603;
    public const int ChecksChanged = 1604;
}
