using Berth.Agent.Containers;
using Berth.Contracts;

namespace Berth.Agent.Reporting;

/// <summary>
/// Builds the node's full instance snapshot from Docker's list, the port probes and the
/// executor's pending statuses. Pure: no I/O.
/// </summary>
internal static class InstanceReportComposer
{
    /// <summary>The report, sorted by instance then release.</summary>
    /// <param name="containers">The node's Berth-managed containers.</param>
    /// <param name="acceptingPorts">The ports where a TCP connect to 127.0.0.1 succeeded.</param>
    /// <param name="pending">The executor's statuses, by container name.</param>
    public static InstanceReport Compose(
        IReadOnlyList<ObservedContainer> containers,
        IReadOnlySet<int> acceptingPorts,
        IReadOnlyList<PendingInstance> pending)
    {
        var byName = pending.ToDictionary(entry => entry.ContainerName, StringComparer.Ordinal);
        var listed = containers.Where(container => container.IsManaged).ToList();
        var listedNames = listed.Select(container => container.Name).ToHashSet(StringComparer.Ordinal);

        var statuses = listed
            .Select(container => FromContainer(container, acceptingPorts, byName.GetValueOrDefault(container.Name)))
            .Concat(pending.Where(entry => !listedNames.Contains(entry.ContainerName)).Select(FromPending))
            .OfType<InstanceStatus>()
            .OrderBy(status => status.Instance, StringComparer.Ordinal)
            .ThenBy(status => status.Release);

        var report = new InstanceReport();
        report.Instances.AddRange(statuses);
        return report;
    }

    /// <summary>The reported state and message of a container that Docker lists.</summary>
    public static (string State, string Message) StateOf(ObservedContainer container, bool accepting) =>
        container.State switch
        {
            DockerStates.Running when container.Port == 0 || accepting => (InstanceStates.Running, ""),
            DockerStates.Running => (InstanceStates.Starting, $"waiting for port {container.Port} to accept"),
            DockerStates.Created => (InstanceStates.Starting, ""),
            DockerStates.Restarting => (InstanceStates.Exited, "exited; Docker is restarting it"),
            DockerStates.Exited or DockerStates.Dead or DockerStates.Removing => (InstanceStates.Exited, ""),
            DockerStates.Paused => (InstanceStates.Failed, "the container is paused"),
            _ => (InstanceStates.Failed, $"the container is in Docker state '{container.State}'"),
        };

    private static InstanceStatus FromContainer(
        ObservedContainer container,
        IReadOnlySet<int> acceptingPorts,
        PendingInstance? pending)
    {
        var (state, message) = StateOf(container, acceptingPorts.Contains(container.Port));

        if (pending is { State: InstanceStates.Failed })
        {
            state = container.IsRunning ? state : InstanceStates.Failed;
            message = pending.Message;
        }

        return new InstanceStatus
        {
            Instance = ContainerLabels.ReadText(container.Labels, ContainerLabels.Instance),
            App = ContainerLabels.ReadText(container.Labels, ContainerLabels.App),
            Process = ContainerLabels.ReadText(container.Labels, ContainerLabels.Process),
            Release = ContainerLabels.ReadNumber(container.Labels, ContainerLabels.Release),
            State = state,
            Port = container.Port,
            ContainerId = container.Id,
            ExitCode = container.ExitCode ?? 0,
            Message = message,
        };
    }

    private static InstanceStatus? FromPending(PendingInstance pending) =>
        pending.Assignment is not { } assignment
            ? null
            : new InstanceStatus
            {
                Instance = assignment.Instance,
                App = assignment.App,
                Process = assignment.Process,
                Release = assignment.Release,
                State = pending.State,
                Port = pending.Port,
                Message = pending.Message,
            };
}
