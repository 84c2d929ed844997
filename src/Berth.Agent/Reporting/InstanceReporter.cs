using System.Threading.Channels;
using Berth.Agent.Connection;
using Berth.Agent.Containers;
using Berth.Agent.Docker;
using Berth.Agent.Health;
using Berth.Agent.Supervision;
using Berth.Contracts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Berth.Agent.Reporting;

/// <summary>
/// Sends the node's full instance snapshot to the control plane: when asked (after every
/// reconcile and registration, and whenever startup checks move on), whenever a state changes,
/// and at least every ten seconds. Docker is looked at about every second; while an instance
/// is starting, its port and checks are looked at every 150 ms in between, from the last
/// Docker listing, so a started instance is reported running promptly without loading Docker.
/// </summary>
internal sealed partial class InstanceReporter(
    DockerContainers containers,
    PortProbe probe,
    InstanceStatusBoard board,
    RestartLedger restarts,
    AssignedContainers assigned,
    StartupChecker checks,
    AgentOutbox outbox,
    TimeProvider timeProvider,
    ILogger<InstanceReporter> logger) : BackgroundService
{
    /// <summary>How often Docker and the ports are looked at.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>How often starting instances are looked at (ports and checks, not Docker).</summary>
    public static readonly TimeSpan StartingInterval = TimeSpan.FromMilliseconds(150);

    /// <summary>The longest time between two reports, even when nothing changed.</summary>
    public static readonly TimeSpan MaxSilence = TimeSpan.FromSeconds(10);

    private readonly Channel<bool> _requests =
        Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    private InstanceReport? _lastSent;
    private long _lastSentAt;
    private bool _dockerFailing;
    private DockerLook? _lastLook;
    private bool _starting;

    /// <summary>Asks for a report now rather than at the next poll.</summary>
    public void RequestReport() => _requests.Writer.TryWrite(true);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        checks.Changed += RequestReport;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var interval = _starting ? StartingInterval : PollInterval;
                var requested = await WaitForPollOrRequestAsync(interval, stoppingToken);

                var report = NeedsDocker(requested)
                    ? await TryComposeAsync(stoppingToken)
                    : await ComposeFromLastLookAsync(_lastLook!, stoppingToken);
                _starting = report?.Instances.Any(status => status.State == InstanceStates.Starting) ?? _starting;

                if (report is not null
                    && IsDue(report, requested)
                    && outbox.TrySend(new AgentMessage { Report = report }))
                {
                    _lastSent = report;
                    _lastSentAt = timeProvider.GetTimestamp();
                }
            }
        }
        finally
        {
            checks.Changed -= RequestReport;
        }
    }

    private async Task<bool> WaitForPollOrRequestAsync(TimeSpan interval, CancellationToken stoppingToken)
    {
        using var pollTimeout = new CancellationTokenSource(interval, timeProvider);
        using var poll = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, pollTimeout.Token);

        try
        {
            await _requests.Reader.ReadAsync(poll.Token);
            return true;
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// True when this look must list Docker: it was asked for, a second passed since the last
    /// listing, or the executor's statuses changed since (a container may have been created).
    /// </summary>
    private bool NeedsDocker(bool requested) =>
        requested
        || _lastLook is null
        || _lastLook.BoardVersion != board.Version
        || timeProvider.GetElapsedTime(_lastLook.Timestamp) >= PollInterval;

    private bool IsDue(InstanceReport report, bool requested) =>
        requested
        || !report.Equals(_lastSent)
        || timeProvider.GetElapsedTime(_lastSentAt) >= MaxSilence;

    private async Task<InstanceReport?> TryComposeAsync(CancellationToken stoppingToken)
    {
        try
        {
            // The records are read before Docker: a restart that finished in between then shows as
            // still waiting (crashed) rather than as a plain exit. The board's version is read first too,
            // so a change made during the listing makes the next look list again.
            var boardVersion = board.Version;
            var records = restarts.Snapshot();
            var current = assigned.Current;
            var listedAt = timeProvider.GetTimestamp();
            var listed = await containers.ListManagedAsync(stoppingToken);
            var running = listed.Where(container => container.IsRunning).Select(container => container.Port);
            var accepting = await probe.AcceptingAsync(running, stoppingToken);
            checks.Retain([.. listed.Select(container => container.Id)], listedAt);

            // A preview of the supervisor's next look, so an exit it has not seen yet reports as crashed.
            var held = checks.Failed();
            var preview = RestartPlanner.Plan(records, listed, current, timeProvider.GetUtcNow(), held).Records;

            NoteDockerAvailable();
            _lastLook = new DockerLook(listed, accepting, preview, boardVersion, listedAt);
            return InstanceReportComposer.Compose(listed, accepting, board.Snapshot(), preview, checks.Snapshot());
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            NoteDockerFailing(ex);
            return null;
        }
    }

    /// <summary>
    /// A report from the last Docker listing with fresh port probes of the listening containers
    /// that did not accept yet, and the current startup checks.
    /// </summary>
    private async Task<InstanceReport> ComposeFromLastLookAsync(DockerLook look, CancellationToken stoppingToken)
    {
        var waiting = look.Listed
            .Where(container => container.IsRunning && container.Port > 0 && !look.Accepting.Contains(container.Port))
            .Select(container => container.Port);
        var accepting = await probe.AcceptingAsync(waiting, stoppingToken);

        if (accepting.Count > 0)
        {
            look = look with { Accepting = look.Accepting.Union(accepting).ToHashSet() };
            _lastLook = look;
        }

        return InstanceReportComposer.Compose(
            look.Listed,
            look.Accepting,
            board.Snapshot(),
            look.Restarts,
            checks.Snapshot());
    }

    private void NoteDockerAvailable()
    {
        if (_dockerFailing)
        {
            _dockerFailing = false;
            Log.DockerAvailable(logger);
        }
    }

    private void NoteDockerFailing(Exception exception)
    {
        if (!_dockerFailing)
        {
            _dockerFailing = true;
            Log.DockerUnavailable(logger, DockerErrors.Describe(exception));
        }
    }

    /// <summary>What the last Docker listing found, reused by the quick looks in between.</summary>
    /// <param name="Listed">The managed containers.</param>
    /// <param name="Accepting">The ports that accepted connections.</param>
    /// <param name="Restarts">The restart records' preview.</param>
    /// <param name="BoardVersion">The executor board's version before the listing.</param>
    /// <param name="Timestamp">When the listing began (<see cref="TimeProvider.GetTimestamp"/>).</param>
    private sealed record DockerLook(
        IReadOnlyList<ObservedContainer> Listed,
        IReadOnlySet<int> Accepting,
        IReadOnlyDictionary<string, RestartRecord> Restarts,
        long BoardVersion,
        long Timestamp);

    private static partial class Log
    {
        [LoggerMessage(EventId = EventIds.DockerUnavailable, Level = LogLevel.Warning,
            Message = "The Docker engine cannot be read, so no instance report is sent until it answers: {Reason}")]
        public static partial void DockerUnavailable(ILogger logger, string reason);

        [LoggerMessage(EventId = EventIds.DockerAvailable, Level = LogLevel.Information,
            Message = "The Docker engine answers again; instance reports resume.")]
        public static partial void DockerAvailable(ILogger logger);
    }
}
