using System.Collections.Concurrent;
using Berth.Agent.Containers;
using Berth.Agent.Docker;
using Microsoft.Extensions.Logging;

namespace Berth.Agent.Health;

// Limitation: check results live in the agent's memory; after an agent restart, a container whose checks
// were still running (or had failed) is reported by the no-check rule (running once its port accepts).
/// <summary>
/// Runs the startup checks of every new container that has them, each container on its own so
/// that checks of different containers run at the same time, and keeps the outcome by container
/// id for the reports and the restart supervisor. A container that passed reports running for
/// that start; one that failed is left as it is, reported failed with its log tail, and never
/// restarted by the agent (the control plane removes it).
/// </summary>
internal sealed partial class StartupChecker(
    IStartupCheckHost host,
    TimeProvider timeProvider,
    ILogger<StartupChecker> logger)
{
    private readonly ConcurrentDictionary<string, StartupCheckStatus> _statuses = new(StringComparer.Ordinal);

    /// <summary>Raised whenever a container's checks move on, so a report can follow at once.</summary>
    public event Action? Changed;

    /// <summary>
    /// Begins the checks of <paramref name="assignment"/> on the container just started; does
    /// nothing when it has none (it then reports as it always did).
    /// </summary>
    public void Begin(string containerId, InstanceAssignment assignment, int port, CancellationToken stoppingToken)
    {
        if (assignment.StartupChecks.Count == 0)
        {
            return;
        }

        var begunAt = timeProvider.GetTimestamp();
        Publish(new StartupCheckStatus(containerId, null, StartupCheckState.Checking, "checks begin", [], begunAt));
        _ = RunAsync(containerId, assignment, port, begunAt, stoppingToken);
    }

    /// <summary>Every container's check status, by container id.</summary>
    public IReadOnlyDictionary<string, StartupCheckStatus> Snapshot() =>
        new Dictionary<string, StartupCheckStatus>(_statuses, StringComparer.Ordinal);

    /// <summary>The ids of containers whose checks failed: the restart supervisor leaves them alone.</summary>
    public IReadOnlySet<string> Failed() =>
        _statuses.Values
            .Where(status => status.State == StartupCheckState.Failed)
            .Select(status => status.ContainerId)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Forgets containers Docker no longer lists: those not in <paramref name="listed"/> whose checks
    /// began before the list was taken (at timestamp <paramref name="listedAt"/>).
    /// </summary>
    public void Retain(IReadOnlyCollection<string> listed, long listedAt)
    {
        var keep = listed.ToHashSet(StringComparer.Ordinal);

        foreach (var (id, status) in _statuses)
        {
            if (!keep.Contains(id) && status.BegunAt < listedAt)
            {
                _statuses.TryRemove(id, out _);
            }
        }
    }

    private async Task RunAsync(
        string containerId,
        InstanceAssignment assignment,
        int port,
        long begunAt,
        CancellationToken stoppingToken)
    {
        try
        {
            var details = await host.InspectAsync(containerId, stoppingToken);
            if (details is not { State: DockerStates.Running, StartedAt: { } startedAt })
            {
                var reason = CheckVerdicts.Stopped(DateTimeOffset.MinValue, details) ?? "the container did not start";
                await FinishAsync(containerId, assignment, Interrupted(reason), begunAt);
                return;
            }

            var run = StartupCheckRun.Begin(assignment.StartupChecks, startedAt, port);
            var driver = new StartupCheckDriver(host, timeProvider);
            run = await driver.RunAsync(
                run,
                new CheckTarget(containerId, port),
                progress => PublishProgress(containerId, progress, begunAt),
                stoppingToken);

            await FinishAsync(containerId, assignment, run, begunAt);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // The agent is stopping; the container keeps running.
        }
        catch (Exception ex)
        {
            var failed = Failure($"startup checks could not run: {DockerErrors.Describe(ex)}");
            await FinishAsync(containerId, assignment, failed, begunAt);
        }
    }

    private async Task FinishAsync(string containerId, InstanceAssignment assignment, StartupCheckRun run, long begunAt)
    {
        if (run.State == StartupCheckState.Interrupted)
        {
            // A crash: the container is reported and restarted as any exited container is.
            _statuses.TryRemove(containerId, out _);
            Changed?.Invoke();
            Log.Interrupted(logger, assignment.Instance, assignment.App, run.Message);
            return;
        }

        if (run.State == StartupCheckState.Passed)
        {
            Publish(StatusOf(containerId, run, [], begunAt));
            var warnings = run.Message.Length > 0 ? $" ({run.Message})" : "";
            Log.Passed(logger, assignment.Instance, assignment.App, run.Checks.Count, warnings);
            return;
        }

        // The log tail is read before the status says failed, so the control plane gets both in one report.
        var tail = await TryLogTailAsync(containerId);
        Publish(StatusOf(containerId, run, tail, begunAt));
        Log.Failed(logger, assignment.Instance, assignment.App, run.Message);
    }

    private async Task<IReadOnlyList<string>> TryLogTailAsync(string containerId)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10), timeProvider);
            return await host.LogTailAsync(containerId, timeout.Token);
        }
        catch (Exception ex)
        {
            return [$"(the container's log could not be read: {DockerErrors.Describe(ex)})"];
        }
    }

    /// <summary>Publishes a run still checking; its end is published by <see cref="FinishAsync"/>.</summary>
    private void PublishProgress(string containerId, StartupCheckRun run, long begunAt)
    {
        if (run.State == StartupCheckState.Checking)
        {
            Publish(StatusOf(containerId, run, [], begunAt));
        }
    }

    private void Publish(StartupCheckStatus status)
    {
        _statuses[status.ContainerId] = status;
        Changed?.Invoke();
    }

    private static StartupCheckStatus StatusOf(
        string containerId,
        StartupCheckRun run,
        IReadOnlyList<string> tail,
        long begunAt)
    {
        DateTimeOffset? startedAt = run.StartedAt == DateTimeOffset.MinValue ? null : run.StartedAt;
        return new StartupCheckStatus(containerId, startedAt, run.State, run.Message, tail, begunAt);
    }

    private static StartupCheckRun Failure(string reason) => new()
    {
        Checks = [],
        StartedAt = DateTimeOffset.MinValue,
        State = StartupCheckState.Failed,
        FailureReason = reason,
    };

    private static StartupCheckRun Interrupted(string reason) => Failure(reason) with
    {
        State = StartupCheckState.Interrupted,
        FailureReason = $"startup checks did not run: {reason}",
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = EventIds.StartupChecksPassed, Level = LogLevel.Information,
            Message = "Instance {Instance} of app {App} passed its {Count} startup checks{Warnings}")]
        public static partial void Passed(ILogger logger, string instance, string app, int count, string warnings);

        [LoggerMessage(EventId = EventIds.StartupChecksFailed, Level = LogLevel.Warning,
            Message = "Instance {Instance} of app {App} failed its startup checks: {Reason}")]
        public static partial void Failed(ILogger logger, string instance, string app, string reason);

        [LoggerMessage(EventId = EventIds.StartupChecksInterrupted, Level = LogLevel.Information,
            Message = "Instance {Instance} of app {App} stopped before its startup checks passed: {Reason}")]
        public static partial void Interrupted(ILogger logger, string instance, string app, string reason);
    }
}
