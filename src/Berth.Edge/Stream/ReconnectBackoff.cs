namespace Berth.Edge.Stream;

/// <summary>Capped exponential delays between attempts to reopen the route stream.</summary>
// Limitation: the delays have no jitter, so edges that lost the control plane together retry together.
public sealed class ReconnectBackoff
{
    private readonly TimeSpan _initial;
    private readonly TimeSpan _max;
    private TimeSpan _next;

    /// <summary>Starts at <paramref name="initial"/>, doubling up to <paramref name="max"/>.</summary>
    public ReconnectBackoff(TimeSpan initial, TimeSpan max)
    {
        _initial = initial;
        _max = max;
        _next = initial;
    }

    /// <summary>The edge's delays: 1 s, doubling, at most 30 s.</summary>
    public static ReconnectBackoff Default() => new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

    /// <summary>The delay before the next attempt; each call doubles the following one, up to the cap.</summary>
    public TimeSpan Next()
    {
        var delay = _next < _max ? _next : _max;
        _next = delay * 2;

        return delay;
    }

    /// <summary>Starts over from the first delay, after a stream that worked.</summary>
    public void Reset() => _next = _initial;
}
