using System.Collections.Concurrent;
using Berth.Agent.Containers;
using Berth.Agent.Docker;
using Berth.Agent.Health;
using Berth.Agent.Reporting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Berth.Agent.Supervision;

/// <summary>
/// Keeps the node's assigned instances up: about every second it looks at the managed
/// containers, notes each new exit of an assigned one and starts it again once its backoff
/// (<see cref="RestartBackoff"/>) is over. It owns the restart of exited containers; the
/// reconciler leaves them alone. Each restart runs on its own, so one crash loop never holds
/// up another instance. A container whose startup checks failed is never restarted.
/// </summary>
internal sealed partial class RestartSupervisor(
    DockerContainers containers,
    ContainerExecutor executor,
    AssignedContainers assigned,
    RestartLedger ledger,
    RestartStateFile stateFile,
    InstanceReporter reporter,
    StartupChecker checks,
    TimeProvider timeProvider,
    ILogger<RestartSupervisor> logger) : BackgroundService
{
    /// <summary>How often Docker is looked at; sooner when a restart is due before then.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>The shortest pause between two looks, so a restart that keeps failing at once cannot spin.</summary>
    public static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(50);

    private readonly ConcurrentDictionary<string, bool> _inFlight = new(StringComparer.Ordinal);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ledger.Load(await stateFile.LoadAsync(stoppingToken));

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await SuperviseAsync(stoppingToken);

                var wait = RestartPlanner.NextLook(ledger.Snapshot(), timeProvider.GetUtcNow(), PollInterval);
                await Task.Delay(wait < MinimumWait ? MinimumWait : wait, timeProvider, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The agent is stopping; containers keep running.
        }
    }

    /// <summary>One look: plan, log new crashes, start what is due, save the records.</summary>
    private async Task SuperviseAsync(CancellationToken stoppingToken)
    {
        var listed = await TryListAsync(stoppingToken);
        if (listed is null)
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        var current = assigned.Current;
        var held = checks.Failed();
        var plan = ledger.Apply(records => RestartPlanner.Plan(records, listed, current, now, held));

        foreach (var crash in plan.Crashed)
        {
            LogCrash(crash);
        }

        foreach (var due in plan.Due)
        {
            StartInBackground(due, stoppingToken);
        }

        if (plan.Crashed.Count > 0)
        {
            reporter.RequestReport();
        }

        await stateFile.SaveAsync(ledger.Snapshot(), stoppingToken);
    }

    /// <summary>The managed containers; null when Docker cannot be read (the reporter logs that).</summary>
    private async Task<IReadOnlyList<ObservedContainer>?> TryListAsync(CancellationToken stoppingToken)
    {
        try
        {
            return await containers.ListManagedAsync(stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            Log.DockerUnreadable(logger, DockerErrors.Describe(ex));
            return null;
        }
    }

    private void StartInBackground(PlannedRestart due, CancellationToken stoppingToken)
    {
        // Registered before it runs, so the next look cannot start the same container twice.
        if (_inFlight.TryAdd(due.Container.Id, true))
        {
            _ = RestartAsync(due, stoppingToken);
        }
    }

    private async Task RestartAsync(PlannedRestart due, CancellationToken stoppingToken)
    {
        var container = due.Container;
        try
        {
            // The set may have changed since the plan: a container leaving it is the reconciler's to remove,
            // and one whose startup checks failed is the control plane's.
            if (!assigned.Contains(container.Name) || checks.Failed().Contains(container.Id))
            {
                return;
            }

            await executor.StartStoppedAsync(container.Id, container.Name, stoppingToken);
            containers.Forget(container.Id);
            var startedAt = timeProvider.GetUtcNow();
            var record = ledger.Update(container.Id, previous => RestartPlanner.Started(previous, startedAt));
            Log.Restarted(logger, Instance(container), App(container), record?.Restarts ?? 0, due.Record.ExitCode);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            var message = ex is DockerOperationException ? ex.Message : DockerErrors.Describe(ex);
            var now = timeProvider.GetUtcNow();
            var record = ledger.Update(container.Id, previous => RestartPlanner.StartFailed(previous, message, now));
            Log.RestartFailed(logger, Instance(container), App(container), message, record?.Delay.TotalSeconds ?? 0);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // The agent is stopping; the container is started again by the next agent, if still due.
        }
        finally
        {
            _inFlight.TryRemove(container.Id, out _);
            reporter.RequestReport();
        }
    }

    private void LogCrash(PlannedRestart crash)
    {
        var container = crash.Container;
        var record = crash.Record;

        Log.Crashed(
            logger,
            Instance(container),
            App(container),
            record.ExitCode,
            record.OutOfMemory,
            record.Delay.TotalSeconds,
            record.Streak);
    }

    private static string Instance(ObservedContainer container) =>
        ContainerLabels.ReadText(container.Labels, ContainerLabels.Instance);

    private static string App(ObservedContainer container) =>
        ContainerLabels.ReadText(container.Labels, ContainerLabels.App);

    private static partial class Log
    {
        [LoggerMessage(EventId = EventIds.InstanceCrashed, Level = LogLevel.Warning,
            Message = "Instance {Instance} of app {App} exited with code {ExitCode} (out of memory: {OutOfMemory}); "
                + "starting it again in {DelaySeconds} s (crash {Streak} in a row)")]
        public static partial void Crashed(
            ILogger logger,
            string instance,
            string app,
            int exitCode,
            bool outOfMemory,
            double delaySeconds,
            int streak);

        [LoggerMessage(EventId = EventIds.InstanceRestarted, Level = LogLevel.Information,
            Message = "Instance {Instance} of app {App} started again after exit code {ExitCode} "
                + "({Restarts} restarts since its container was created)")]
        public static partial void Restarted(ILogger logger, string instance, string app, int restarts, int exitCode);

        [LoggerMessage(EventId = EventIds.InstanceRestartFailed, Level = LogLevel.Warning,
            Message = "Instance {Instance} of app {App} could not be started again ({Reason}); "
                + "next try in {DelaySeconds} s")]
        public static partial void RestartFailed(
            ILogger logger,
            string instance,
            string app,
            string reason,
            double delaySeconds);

        [LoggerMessage(EventId = EventIds.SupervisionSkipped, Level = LogLevel.Debug,
            Message = "Crashed instances are not checked this second: Docker cannot be read ({Reason})")]
        public static partial void DockerUnreadable(ILogger logger, string reason);
    }
}
