using Berth.Contracts;

namespace Berth.Bench.Convergence;

/// <summary>How many instances of one process type the control plane lists, and how many of them run.</summary>
/// <param name="Total">Instances of the type, in any state.</param>
/// <param name="Running">Instances of the type in state <c>running</c>: the agent saw their port accept.</param>
internal sealed record InstanceCount(int Total, int Running)
{
    /// <summary>The state the control plane reports for an instance whose port accepts connections.</summary>
    public const string RunningState = "running";

    /// <summary>Counts the instances of <paramref name="process"/> in <paramref name="response"/>.</summary>
    public static InstanceCount Of(ListInstancesResponse response, string process)
    {
        var ofType = response.Instances.Where(instance => instance.Process == process).ToList();

        return new InstanceCount(ofType.Count, ofType.Count(instance => instance.State == RunningState));
    }

    /// <summary>True when exactly <paramref name="count"/> instances exist and every one runs.</summary>
    public bool IsConverged(int count) => Total == count && Running == count;
}
