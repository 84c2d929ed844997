using Berth.Agent.Options;

namespace Berth.Agent.Containers;

/// <summary>Hands out the lowest free ports of the node's range, never one already in use.</summary>
internal sealed class PortAllocator
{
    private readonly PortRange _range;
    private readonly HashSet<int> _used;
    private int _next;

    // Limitation: only ports recorded on Berth-managed containers (label berth.port) count as used; a port
    // in the node's range held by another process on the host is not detected, and the instance then
    // fails to bind.
    /// <summary>An allocator over <paramref name="range"/> that skips <paramref name="used"/>.</summary>
    public PortAllocator(PortRange range, IEnumerable<int> used)
    {
        _range = range;
        _used = [.. used];
        _next = range.Start;
    }

    /// <summary>Takes the lowest free port; false when the range is exhausted.</summary>
    public bool TryTake(out int port)
    {
        while (_next <= _range.End)
        {
            var candidate = _next++;
            if (_used.Add(candidate))
            {
                port = candidate;
                return true;
            }
        }

        port = 0;
        return false;
    }
}
