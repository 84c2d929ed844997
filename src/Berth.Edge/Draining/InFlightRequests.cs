namespace Berth.Edge.Draining;

/// <summary>
/// Counts the proxied requests in flight per backend, so a route table that removes a backend can
/// be acknowledged once that backend's requests have finished. Thread-safe; backends without
/// requests take no memory.
/// </summary>
public sealed class InFlightRequests
{
    private readonly Lock _gate = new();
    private readonly Dictionary<BackendKey, int> _counts = [];

    /// <summary>The requests in flight to <paramref name="backend"/> right now.</summary>
    public int Count(BackendKey backend)
    {
        lock (_gate)
        {
            return _counts.GetValueOrDefault(backend);
        }
    }

    /// <summary>Counts one request to <paramref name="backend"/> until the returned lease is disposed.</summary>
    public Lease Begin(BackendKey backend)
    {
        lock (_gate)
        {
            _counts[backend] = _counts.GetValueOrDefault(backend) + 1;
        }

        return new Lease(this, backend);
    }

    private void End(BackendKey backend)
    {
        lock (_gate)
        {
            var left = _counts[backend] - 1;
            if (left == 0)
            {
                _counts.Remove(backend);
            }
            else
            {
                _counts[backend] = left;
            }
        }
    }

    /// <summary>One counted request; disposing it ends the count (once).</summary>
    public sealed class Lease : IDisposable
    {
        private readonly InFlightRequests _owner;
        private readonly BackendKey _backend;
        private int _ended;

        internal Lease(InFlightRequests owner, BackendKey backend)
        {
            _owner = owner;
            _backend = backend;
        }

        /// <inheritdoc />
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                _owner.End(_backend);
            }
        }
    }
}
