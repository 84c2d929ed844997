namespace Berth.Agent.Containers;

/// <summary>The container states the Docker engine reports.</summary>
internal static class DockerStates
{
    /// <summary>Created but never started.</summary>
    public const string Created = "created";

    /// <summary>Its process runs.</summary>
    public const string Running = "running";

    /// <summary>Frozen.</summary>
    public const string Paused = "paused";

    /// <summary>Its process exited and Docker's restart policy is about to start it again.</summary>
    public const string Restarting = "restarting";

    /// <summary>Being removed.</summary>
    public const string Removing = "removing";

    /// <summary>Its process exited.</summary>
    public const string Exited = "exited";

    /// <summary>Docker failed to remove or stop it cleanly.</summary>
    public const string Dead = "dead";
}
