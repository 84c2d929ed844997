using Berth.Edge.Options;
using Berth.Edge.Routing;

namespace Berth.Edge.Draining;

/// <summary>
/// Holds back the acknowledgement of a live route table until the requests in flight to the
/// backends it removed have finished, or the edge's drain limit (--drain-timeout) passed, so the
/// control plane stops an old instance only after the edge is done with it. The decisions are
/// <see cref="DrainLedger"/>'s; this class adds the clock, the waiting and the logs.
/// </summary>
public sealed partial class RouteDrainer
{
    /// <summary>How often the in-flight counts are looked at while a drain is under way.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    private readonly Lock _gate = new();
    private readonly DrainLedger _ledger;
    private readonly InFlightRequests _inFlight;
    private readonly TimeSpan _limit;
    private readonly TimeProvider _time;
    private readonly ILogger<RouteDrainer> _logger;
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>Creates the drainer with the limit from <paramref name="options"/>.</summary>
    public RouteDrainer(
        EdgeOptions options,
        InFlightRequests inFlight,
        TimeProvider time,
        ILogger<RouteDrainer> logger)
    {
        _limit = options.DrainTimeout;
        _ledger = new DrainLedger(_limit);
        _inFlight = inFlight;
        _time = time;
        _logger = logger;
    }

    /// <summary>Records that <paramref name="routes"/> are live; their version awaits acknowledgement.</summary>
    public void TableLive(EdgeRoutes routes)
    {
        IReadOnlyList<BackendKey> removed;
        lock (_gate)
        {
            removed = _ledger.TableLive(routes.Version, routes.Backends, _inFlight.Count, _time.GetUtcNow());
            Signal();
        }

        var inFlight = removed.Sum(_inFlight.Count);
        if (inFlight > 0)
        {
            Log.DrainStarted(_logger, routes.Version, removed.Count, inFlight, _limit);
        }
    }

    /// <summary>
    /// A new route stream starts: forget the table waiting on the old one, since the control plane
    /// will send its table again and that one is acknowledged instead.
    /// </summary>
    public void StreamStarted()
    {
        lock (_gate)
        {
            _ledger.ForgetPending();
            Signal();
        }
    }

    /// <summary>
    /// Waits until the newest live table may be acknowledged and returns its version. Versions come
    /// out in the order tables went live; a table superseded while it waited is never returned.
    /// </summary>
    public async Task<long> NextAcknowledgementAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();

            DrainDecision decision;
            Task changed;
            lock (_gate)
            {
                decision = _ledger.Decide(_inFlight.Count, _time.GetUtcNow());
                changed = _changed.Task;
            }

            switch (decision)
            {
                case DrainDecision.Acknowledge acknowledge:
                    Report(acknowledge);
                    return acknowledge.Version;

                case DrainDecision.Wait wait:
                    var pause = wait.Remaining < PollInterval ? wait.Remaining : PollInterval;
                    await Task.WhenAny(changed, Task.Delay(pause, _time, cancellationToken));
                    break;

                default:
                    await changed.WaitAsync(cancellationToken);
                    break;
            }
        }
    }

    private void Signal()
    {
        _changed.TrySetResult();
        _changed = NewSignal();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Report(DrainDecision.Acknowledge acknowledge)
    {
        var drained = acknowledge.Drained
            .Where(outcome => outcome.InFlightAtRemoval > 0 || outcome.TimedOut)
            .ToList();
        if (drained.Count == 0)
        {
            return;
        }

        var longest = drained.Max(outcome => outcome.Waited);
        var requests = drained.Sum(outcome => outcome.InFlightAtRemoval);
        var abandoned = drained.Where(outcome => outcome.TimedOut).ToList();

        if (abandoned.Count == 0)
        {
            Log.Drained(_logger, acknowledge.Version, requests, drained.Count, longest);
            return;
        }

        Log.DrainTimedOut(
            _logger,
            acknowledge.Version,
            abandoned.Sum(outcome => outcome.StillInFlight),
            string.Join(", ", abandoned.Select(outcome => outcome.Backend.Instance)),
            _limit);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = EventIds.DrainStarted, EventName = "DrainStarted", Level = LogLevel.Debug,
            Message = "Route table {Version} removed {Backends} backend instances with {Requests} requests in " +
                "flight; acknowledging it once they finish (at most {Limit}).")]
        public static partial void DrainStarted(
            ILogger logger,
            long version,
            int backends,
            int requests,
            TimeSpan limit);

        [LoggerMessage(EventId = EventIds.DrainFinished, EventName = "DrainFinished", Level = LogLevel.Information,
            Message = "Route table {Version} acknowledged after {Requests} in-flight requests to {Backends} removed " +
                "backend instances finished in {Elapsed}.")]
        public static partial void Drained(
            ILogger logger,
            long version,
            int requests,
            int backends,
            TimeSpan elapsed);

        [LoggerMessage(EventId = EventIds.DrainTimedOut, EventName = "DrainTimedOut", Level = LogLevel.Warning,
            Message = "Route table {Version} acknowledged with {Requests} requests still in flight to removed " +
                "instances {Instances}: the drain limit of {Limit} passed " +
                "(raise --drain-timeout for slower requests).")]
        public static partial void DrainTimedOut(
            ILogger logger,
            long version,
            int requests,
            string instances,
            TimeSpan limit);
    }
}
