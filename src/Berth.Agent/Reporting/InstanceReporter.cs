using System.Threading.Channels;
using Berth.Agent.Connection;
using Berth.Agent.Containers;
using Berth.Agent.Docker;
using Berth.Agent.Supervision;
using Berth.Contracts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Berth.Agent.Reporting;

/// <summary>
/// Sends the node's full instance snapshot to the control plane: when asked (after every
/// reconcile and every registration), whenever a state changes (Docker is polled about every
/// second) and at least every ten seconds.
/// </summary>
internal sealed partial class InstanceReporter(
    DockerContainers containers,
    PortProbe probe,
    InstanceStatusBoard board,
    RestartLedger restarts,
    AssignedContainers assigned,
    AgentOutbox outbox,
    TimeProvider timeProvider,
    ILogger<InstanceReporter> logger) : BackgroundService
{
    /// <summary>How often Docker and the ports are looked at.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>The longest time between two reports, even when nothing changed.</summary>
    public static readonly TimeSpan MaxSilence = TimeSpan.FromSeconds(10);

    private readonly Channel<bool> _requests =
        Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    private InstanceReport? _lastSent;
    private long _lastSentAt;
    private bool _dockerFailing;

    /// <summary>Asks for a report now rather than at the next poll.</summary>
    public void RequestReport() => _requests.Writer.TryWrite(true);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var requested = await WaitForPollOrRequestAsync(stoppingToken);

            var report = await TryComposeAsync(stoppingToken);
            if (report is not null && IsDue(report, requested) && outbox.TrySend(new AgentMessage { Report = report }))
            {
                _lastSent = report;
                _lastSentAt = timeProvider.GetTimestamp();
            }
        }
    }

    private async Task<bool> WaitForPollOrRequestAsync(CancellationToken stoppingToken)
    {
        using var pollTimeout = new CancellationTokenSource(PollInterval, timeProvider);
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

    private bool IsDue(InstanceReport report, bool requested) =>
        requested
        || !report.Equals(_lastSent)
        || timeProvider.GetElapsedTime(_lastSentAt) >= MaxSilence;

    private async Task<InstanceReport?> TryComposeAsync(CancellationToken stoppingToken)
    {
        try
        {
            // The records are read before Docker: a restart that finished in between then shows as
            // still waiting (crashed) rather than as a plain exit.
            var records = restarts.Snapshot();
            var current = assigned.Current;
            var listed = await containers.ListManagedAsync(stoppingToken);
            var running = listed.Where(container => container.IsRunning).Select(container => container.Port);
            var accepting = await probe.AcceptingAsync(running, stoppingToken);

            // A preview of the supervisor's next look, so an exit it has not seen yet reports as crashed.
            var preview = RestartPlanner.Plan(records, listed, current, timeProvider.GetUtcNow()).Records;

            NoteDockerAvailable();
            return InstanceReportComposer.Compose(listed, accepting, board.Snapshot(), preview);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            NoteDockerFailing(ex);
            return null;
        }
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
