namespace Berth.Agent;

/// <summary>
/// Every event id the agent logs with, in one place so they stay unique (the agent owns 2000-2999).
/// </summary>
internal static class EventIds
{
    /// <summary>The agent started with its options.</summary>
    public const int AgentStarting = 2000;

    /// <summary>The stream to the control plane is open and the node is registered.</summary>
    public const int ControlPlaneRegistered = 2100;

    /// <summary>The stream to the control plane ended or could not be opened.</summary>
    public const int ControlPlaneLost = 2101;

    /// <summary>A further attempt to reach the control plane failed while it is still away.</summary>
    public const int ControlPlaneStillAway = 2105;

    /// <summary>The control plane rejected the agent's token.</summary>
    public const int ControlPlaneUnauthenticated = 2102;

    /// <summary>The agent waits before dialling the control plane again.</summary>
    public const int ControlPlaneRetrying = 2103;

    /// <summary>The control plane answered with something other than the expected message.</summary>
    public const int ControlPlaneProtocolError = 2104;

    /// <summary>An assignment set arrived from the control plane.</summary>
    public const int AssignmentsReceived = 2200;

    /// <summary>A reconcile planned its operations.</summary>
    public const int ReconcilePlanned = 2201;

    /// <summary>A reconcile could not observe the node's containers.</summary>
    public const int ReconcileFailed = 2202;

    /// <summary>A reconcile will be tried again because some of its operations failed.</summary>
    public const int ReconcileRetrying = 2203;

    /// <summary>An image was pulled from the registry.</summary>
    public const int ImagePulled = 2300;

    /// <summary>A pull failed but the image is present locally, so it is used.</summary>
    public const int ImagePullFailedUsingLocal = 2301;

    /// <summary>An instance's container was created and started.</summary>
    public const int InstanceStarted = 2302;

    /// <summary>A created but never started container of an assigned instance was started.</summary>
    public const int ContainerRestarted = 2303;

    /// <summary>A container no longer assigned was stopped and removed.</summary>
    public const int ContainerRemoved = 2304;

    /// <summary>A container operation failed.</summary>
    public const int OperationFailed = 2305;

    /// <summary>An instance could not be planned (no free port).</summary>
    public const int InstanceRejected = 2306;

    /// <summary>An image is already on the node under a pinned reference, so it is not pulled.</summary>
    public const int ImageAlreadyPresent = 2307;

    /// <summary>The Docker engine could not be read for a report.</summary>
    public const int DockerUnavailable = 2400;

    /// <summary>The Docker engine answers again after a failure.</summary>
    public const int DockerAvailable = 2401;

    /// <summary>A build command arrived.</summary>
    public const int BuildStarted = 2500;

    /// <summary>A build was built, pushed and reported.</summary>
    public const int BuildSucceeded = 2501;

    /// <summary>A build failed and the failure was reported.</summary>
    public const int BuildFailed = 2502;

    /// <summary>A build's temporary context file could not be deleted.</summary>
    public const int BuildContextNotDeleted = 2503;

    /// <summary>A job's container (a script's, or one an image's files were read from) could not be removed.</summary>
    public const int JobContainerNotRemoved = 2504;

    /// <summary>An image of a release the cluster no longer keeps was removed.</summary>
    public const int ImageRemoved = 2510;

    /// <summary>An image to prune stayed: in use, or not on this node.</summary>
    public const int ImageKept = 2511;

    /// <summary>Removing an image to prune failed.</summary>
    public const int ImageRemovalFailed = 2512;

    /// <summary>An assigned instance exited on its own and waits for its restart.</summary>
    public const int InstanceCrashed = 2600;

    /// <summary>A crashed instance was started again.</summary>
    public const int InstanceRestarted = 2601;

    /// <summary>Starting a crashed instance again failed; a later try is scheduled.</summary>
    public const int InstanceRestartFailed = 2602;

    /// <summary>The restart supervisor could not read Docker this time round.</summary>
    public const int SupervisionSkipped = 2603;

    /// <summary>The restart state file could not be read at startup.</summary>
    public const int RestartStateUnreadable = 2604;

    /// <summary>The restart state file could not be written.</summary>
    public const int RestartStateNotSaved = 2605;

    /// <summary>A new container passed its startup checks.</summary>
    public const int StartupChecksPassed = 2700;

    /// <summary>A new container failed its startup checks and is left for the control plane to remove.</summary>
    public const int StartupChecksFailed = 2701;

    /// <summary>An instance's container stopped before its startup checks passed: a crash.</summary>
    public const int StartupChecksInterrupted = 2702;
}
