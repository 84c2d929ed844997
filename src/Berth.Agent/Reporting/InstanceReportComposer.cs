using Berth.Agent.Containers;
using Berth.Agent.Docker;
using Berth.Agent.Health;
using Berth.Agent.Supervision;
using Berth.Contracts;

namespace Berth.Agent.Reporting;

/// <summary>
/// Builds the node's full instance snapshot from Docker's list, the port probes, the
/// executor's pending statuses, the restart records and the startup checks. Pure: no I/O.
/// </summary>
internal static class InstanceReportComposer
{
    /// <summary>The report, sorted by instance then release.</summary>
    /// <param name="containers">The node's Berth-managed containers.</param>
    /// <param name="acceptingPorts">The ports where a TCP connect to 127.0.0.1 succeeded.</param>
    /// <param name="pending">The executor's statuses, by container name.</param>
    /// <param name="restarts">The restart supervisor's records, by container id.</param>
    /// <param name="checks">
    /// The startup checks of new containers, by container id; a container without an entry reports
    /// running once its port accepts (or once it runs, when it does not listen).
    /// </param>
    public static InstanceReport Compose(
        IReadOnlyList<ObservedContainer> containers,
        IReadOnlySet<int> acceptingPorts,
        IReadOnlyList<PendingInstance> pending,
        IReadOnlyDictionary<string, RestartRecord> restarts,
        IReadOnlyDictionary<string, StartupCheckStatus>? checks = null)
    {
        var byName = pending.ToDictionary(entry => entry.ContainerName, StringComparer.Ordinal);
        var listed = containers.Where(container => container.IsManaged).ToList();
        var listedNames = listed.Select(container => container.Name).ToHashSet(StringComparer.Ordinal);

        var statuses = listed
            .Select(container => FromContainer(
                container,
                acceptingPorts,
                byName.GetValueOrDefault(container.Name),
                restarts.GetValueOrDefault(container.Id),
                checks?.GetValueOrDefault(container.Id)))
            .Concat(pending.Where(entry => !listedNames.Contains(entry.ContainerName)).Select(FromPending))
            .OfType<InstanceStatus>()
            .OrderBy(status => status.Instance, StringComparer.Ordinal)
            .ThenBy(status => status.Release);

        var report = new InstanceReport();
        report.Instances.AddRange(statuses);
        return report;
    }

    /// <summary>The reported state and message of a container that Docker lists, before restart records.</summary>
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
        PendingInstance? pending,
        RestartRecord? restart,
        StartupCheckStatus? check)
    {
        var (state, message) = StateOf(container, acceptingPorts.Contains(container.Port));
        var waiting = container.HasExited && restart is { IsWaiting: true } ? restart : null;

        if (waiting is not null)
        {
            state = InstanceStates.Crashed;
            message = CrashDescription.Describe(waiting);
        }

        // A waiting restart is newer news than a failed reconcile step, and says when the next try is.
        if (waiting is null && pending is { State: InstanceStates.Failed })
        {
            state = container.IsRunning ? state : InstanceStates.Failed;
            message = pending.Message;
        }

        (state, message) = ApplyCheck(container, check, state, message);
        var status = new InstanceStatus
        {
            Instance = ContainerLabels.ReadText(container.Labels, ContainerLabels.Instance),
            App = ContainerLabels.ReadText(container.Labels, ContainerLabels.App),
            Process = ContainerLabels.ReadText(container.Labels, ContainerLabels.Process),
            Release = ContainerLabels.ReadNumber(container.Labels, ContainerLabels.Release),
            State = state,
            Port = container.Port,
            ContainerId = container.Id,
            ExitCode = waiting?.ExitCode ?? container.ExitCode ?? 0,
            Message = message,
            Restarts = restart?.Restarts ?? 0,
            StartedAt = container is { IsRunning: true, StartedAt: { } started } ? DockerTimestamp.Format(started) : "",
            NextRestartAt = waiting?.NextRestartAt is { } next ? DockerTimestamp.Format(next) : "",
        };

        if (check is { State: StartupCheckState.Failed })
        {
            status.LogTail.AddRange(check.LogTail);
        }

        return status;
    }

    /// <summary>
    /// The state and message once the container's startup checks are counted: a failed run fails
    /// the container whatever Docker says; a running or passed one decides while the container
    /// still runs the start the checks were about. Otherwise the checks say nothing.
    /// </summary>
    public static (string State, string Message) ApplyCheck(
        ObservedContainer container,
        StartupCheckStatus? check,
        string state,
        string message)
    {
        if (check is { State: StartupCheckState.Failed })
        {
            return (InstanceStates.Failed, check.Message);
        }

        var sameStart = check?.StartedAt is null || check.StartedAt == container.StartedAt;
        return check switch
        {
            { State: StartupCheckState.Checking } when container.IsRunning && sameStart =>
                (InstanceStates.Starting, check.Message),
            { State: StartupCheckState.Passed } when container.IsRunning && sameStart =>
                (InstanceStates.Running, check.Message),
            _ => (state, message),
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
