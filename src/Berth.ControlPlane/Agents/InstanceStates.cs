namespace Berth.ControlPlane.Agents;

/// <summary>The instance states agents report and the control plane adds.</summary>
public static class InstanceStates
{
    /// <summary>Assigned, not reported by its node yet.</summary>
    public const string Pending = "pending";

    /// <summary>Being pulled, created or waiting for its port.</summary>
    public const string Starting = "starting";

    /// <summary>Running and, for web, accepting connections.</summary>
    public const string Running = "running";

    /// <summary>The process ended and its node starts it again after a backoff.</summary>
    public const string Crashed = "crashed";

    /// <summary>The process ended.</summary>
    public const string Exited = "exited";

    /// <summary>The node could not start it.</summary>
    public const string Failed = "failed";

    /// <summary>Its node is down: its state is not known.</summary>
    public const string Unknown = "unknown";

    /// <summary>True for states that fail a deployment: the instance did not stay up.</summary>
    public static bool IsFailure(string state) => state is Crashed or Exited or Failed;
}
