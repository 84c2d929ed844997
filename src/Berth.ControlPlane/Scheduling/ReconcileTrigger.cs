using System.Threading.Channels;

namespace Berth.ControlPlane.Scheduling;

/// <summary>
/// Wakes the reconciler when something it depends on changed: an app, a formation, a
/// node, or an instance's reported state. Many kicks before a pass collapse into one.
/// </summary>
public sealed class ReconcileTrigger
{
    private readonly Channel<bool> kicks = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Asks for a reconcile pass soon.</summary>
    public void Kick() => kicks.Writer.TryWrite(true);

    /// <summary>Waits for a kick or for <paramref name="interval"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan interval, TimeProvider time, CancellationToken ct)
    {
        using var elapsed = new CancellationTokenSource(interval, time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct, elapsed.Token);
        try
        {
            await kicks.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The interval passed without a kick: a periodic pass.
        }

    }
}
