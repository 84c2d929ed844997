using System.Collections.Concurrent;

namespace Berth.ControlPlane.Deployments;

/// <summary>
/// One deployment per app at a time: a push, a config change or a rollback holds the app's
/// lock while it makes and rolls out a release.
/// </summary>
public sealed class AppLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> locks = new(StringComparer.Ordinal);

    /// <summary>Takes the app's lock, or returns null at once when another deployment holds it.</summary>
    public IDisposable? TryTake(string app)
    {
        var gate = locks.GetOrAdd(app, _ => new SemaphoreSlim(1, 1));
        return gate.Wait(0) ? new Holder(gate) : null;
    }

    private sealed class Holder(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
