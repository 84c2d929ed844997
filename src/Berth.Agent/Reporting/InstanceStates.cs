namespace Berth.Agent.Reporting;

/// <summary>The instance states the agent reports to the control plane.</summary>
internal static class InstanceStates
{
    /// <summary>Being pulled, created or started, or running but not yet accepting on its port.</summary>
    public const string Starting = "starting";

    /// <summary>Running, and accepting TCP connections on its port when it listens.</summary>
    public const string Running = "running";

    /// <summary>An assigned instance whose process exited; the agent starts it again at the reported time.</summary>
    public const string Crashed = "crashed";

    /// <summary>Its process exited and the agent does not restart it (yet); the exit code is reported.</summary>
    public const string Exited = "exited";

    /// <summary>Cannot run; the message says why.</summary>
    public const string Failed = "failed";
}
