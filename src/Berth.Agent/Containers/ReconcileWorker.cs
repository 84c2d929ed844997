using System.Threading.Channels;
using Berth.Agent.Docker;
using Berth.Agent.Options;
using Berth.Agent.Reporting;
using Berth.Agent.Supervision;
using Berth.Contracts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Berth.Agent.Containers;

/// <summary>
/// Applies assignment sets one at a time: observe the managed containers, plan, execute,
/// report. A set that arrives during a reconcile waits for it to end, and only the latest
/// waiting set is applied. When operations failed, the same set is applied again later.
/// Each set is handed to the restart supervisor before anything is removed, so that a
/// container Berth stops because it left the set is never taken for a crash.
/// </summary>
internal sealed partial class ReconcileWorker(
    DockerContainers containers,
    ContainerExecutor executor,
    InstanceStatusBoard board,
    InstanceReporter reporter,
    AssignedContainers assigned,
    AgentOptions options,
    TimeProvider timeProvider,
    ILogger<ReconcileWorker> logger) : BackgroundService
{
    /// <summary>How long the worker waits before applying a set again after failures.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(30);

    private readonly Channel<AssignmentSet> _sets = Channel.CreateBounded<AssignmentSet>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    /// <summary>Queues <paramref name="set"/>, replacing any set not yet started.</summary>
    public void Submit(AssignmentSet set) => _sets.Writer.TryWrite(set);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        AssignmentSet? current = null;
        var retry = false;

        while (!stoppingToken.IsCancellationRequested)
        {
            var next = await NextSetAsync(retry, stoppingToken);
            current = next ?? current;
            if (current is null)
            {
                continue;
            }

            retry = !await TryReconcileAsync(current, stoppingToken);
            if (retry)
            {
                Log.Retrying(logger, current.Version, RetryDelay.TotalSeconds);
            }
        }
    }

    /// <summary>The next set; null when <paramref name="retry"/> is set and the retry delay passed first.</summary>
    private async Task<AssignmentSet?> NextSetAsync(bool retry, CancellationToken stoppingToken)
    {
        if (!retry)
        {
            return await _sets.Reader.ReadAsync(stoppingToken);
        }

        using var delay = new CancellationTokenSource(RetryDelay, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, delay.Token);
        try
        {
            return await _sets.Reader.ReadAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>Applies one set; true when every operation succeeded.</summary>
    private async Task<bool> TryReconcileAsync(AssignmentSet set, CancellationToken stoppingToken)
    {
        try
        {
            var desired = set.Assignments.Select(InstanceAssignment.FromContract).ToList();
            assigned.Replace(desired);

            var observed = await containers.ListManagedAsync(stoppingToken);
            var plan = ContainerReconciler.Plan(desired, observed, options.Ports);
            Log.Planned(logger, set.Version, desired.Count, observed.Count, plan.Count);

            board.Begin(plan);
            reporter.RequestReport();
            var failures = await executor.ExecuteAsync(plan, stoppingToken);
            return failures == 0;
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            Log.Failed(logger, set.Version, DockerErrors.Describe(ex));
            return false;
        }
        finally
        {
            reporter.RequestReport();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = EventIds.ReconcilePlanned, Level = LogLevel.Information,
            Message = "Assignment set {Version}: {Desired} instances assigned, {Observed} managed containers found, "
                + "{Operations} operations planned")]
        public static partial void Planned(ILogger logger, long version, int desired, int observed, int operations);

        [LoggerMessage(EventId = EventIds.ReconcileFailed, Level = LogLevel.Error,
            Message = "Assignment set {Version} could not be applied: {Reason}")]
        public static partial void Failed(ILogger logger, long version, string reason);

        [LoggerMessage(EventId = EventIds.ReconcileRetrying, Level = LogLevel.Information,
            Message = "Assignment set {Version} had failures; applying it again in {DelaySeconds} s "
                + "unless a newer set arrives")]
        public static partial void Retrying(ILogger logger, long version, double delaySeconds);
    }
}
