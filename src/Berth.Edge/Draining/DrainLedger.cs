namespace Berth.Edge.Draining;

/// <summary>
/// Decides when a live route table may be acknowledged: only once every request that was in flight
/// to a backend it removed has finished, or that backend's drain limit has passed. A newer table
/// supersedes an older one still waiting (acknowledging it acknowledges the older one), and its
/// acknowledgement also waits for the backends the older one removed. Not thread-safe; no I/O.
/// </summary>
public sealed class DrainLedger
{
    private readonly TimeSpan _limit;
    private readonly Dictionary<BackendKey, DrainStart> _draining = [];
    private HashSet<BackendKey> _served = [];
    private long? _pending;

    /// <summary>Creates a ledger that waits at most <paramref name="limit"/> for each removed backend.</summary>
    public DrainLedger(TimeSpan limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, TimeSpan.Zero);
        _limit = limit;
    }

    /// <summary>The version of the live table waiting for its acknowledgement, or null.</summary>
    public long? Pending => _pending;

    /// <summary>The backends removed by a live table whose drain has not been settled by an acknowledgement.</summary>
    public IReadOnlyCollection<BackendKey> DrainingBackends => _draining.Keys;

    /// <summary>
    /// Records that table <paramref name="version"/>, serving <paramref name="backends"/>, went live at
    /// <paramref name="now"/>; returns the backends it removed, which start draining now.
    /// </summary>
    public IReadOnlyList<BackendKey> TableLive(
        long version,
        IReadOnlySet<BackendKey> backends,
        Func<BackendKey, int> inFlight,
        DateTimeOffset now)
    {
        // A backend that comes back takes new requests again, so waiting for it to drain means nothing.
        foreach (var backend in backends)
        {
            _draining.Remove(backend);
        }

        var removed = _served.Where(backend => !backends.Contains(backend)).Order().ToList();
        foreach (var backend in removed)
        {
            _draining.TryAdd(backend, new DrainStart(now, inFlight(backend)));
        }

        _served = [.. backends];
        _pending = version;

        return removed;
    }

    /// <summary>
    /// Forgets the table waiting for its acknowledgement (a new route stream starts; its first table
    /// will be acknowledged instead) but keeps the backends still draining.
    /// </summary>
    public void ForgetPending() => _pending = null;

    /// <summary>
    /// Decides at <paramref name="now"/>, given the requests in flight per backend, whether the pending
    /// table can be acknowledged. An <see cref="DrainDecision.Acknowledge"/> settles every drain.
    /// </summary>
    public DrainDecision Decide(Func<BackendKey, int> inFlight, DateTimeOffset now)
    {
        if (_pending is not { } version)
        {
            return new DrainDecision.Idle();
        }

        var waiting = _draining
            .Where(entry => now < entry.Value.Since + _limit && inFlight(entry.Key) > 0)
            .ToList();
        if (waiting.Count > 0)
        {
            var inFlightNow = waiting.Sum(entry => inFlight(entry.Key));
            var remaining = waiting.Min(entry => entry.Value.Since + _limit - now);
            return new DrainDecision.Wait(version, inFlightNow, remaining);
        }

        var outcomes = _draining
            .OrderBy(entry => entry.Key)
            .Select(entry => new DrainOutcome(
                entry.Key,
                entry.Value.InFlightAtRemoval,
                inFlight(entry.Key),
                now - entry.Value.Since))
            .ToList();

        _draining.Clear();
        _pending = null;

        return new DrainDecision.Acknowledge(version, outcomes);
    }

    /// <summary>When a backend started draining and how many requests it had then.</summary>
    private readonly record struct DrainStart(DateTimeOffset Since, int InFlightAtRemoval);
}
