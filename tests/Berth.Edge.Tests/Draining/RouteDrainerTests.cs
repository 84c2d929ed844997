using Berth.Edge.Draining;
using Berth.Edge.Routing;
using Berth.Edge.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static Berth.Edge.Tests.Support.Tables;

namespace Berth.Edge.Tests.Draining;

public sealed class RouteDrainerTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);
    private static readonly BackendKey Old = new("shop.web.1", "http://127.0.0.1:3001");
    private static readonly BackendKey New = new("shop.web.2", "http://127.0.0.1:3002");

    private readonly FakeTimeProvider _time = new();
    private readonly InFlightRequests _inFlight = new();
    private readonly RouteDrainer _drainer;

    public RouteDrainerTests()
    {
        var options = EdgeUnderTest.Options() with { DrainTimeout = Limit };
        _drainer = new RouteDrainer(options, _inFlight, _time, NullLogger<RouteDrainer>.Instance);
    }

    [Fact]
    public async Task NextAcknowledgement_TableLive_ReturnsItsVersion()
    {
        var next = _drainer.NextAcknowledgementAsync(CancellationToken.None);
        Assert.False(next.IsCompleted);

        _drainer.TableLive(Routes(1, Old));

        Assert.Equal(1, await next.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task NextAcknowledgement_RemovedBackendBusy_WaitsForItsRequest()
    {
        _drainer.TableLive(Routes(1, Old));
        Assert.Equal(1, await _drainer.NextAcknowledgementAsync(CancellationToken.None));
        var request = _inFlight.Begin(Old);
        _drainer.TableLive(Routes(2, New));

        var next = _drainer.NextAcknowledgementAsync(CancellationToken.None);
        await AdvanceAsync(TimeSpan.FromSeconds(2));
        Assert.False(next.IsCompleted);

        request.Dispose();
        await AdvanceAsync(RouteDrainer.PollInterval);
        Assert.Equal(2, await next.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task NextAcknowledgement_RequestOutlivesLimit_AcknowledgesAtTheLimit()
    {
        _drainer.TableLive(Routes(1, Old));
        await _drainer.NextAcknowledgementAsync(CancellationToken.None);
        using var request = _inFlight.Begin(Old);
        _drainer.TableLive(Routes(2, New));

        var next = _drainer.NextAcknowledgementAsync(CancellationToken.None);
        await AdvanceAsync(Limit - TimeSpan.FromMilliseconds(100));
        Assert.False(next.IsCompleted);

        await AdvanceAsync(TimeSpan.FromMilliseconds(100));
        Assert.Equal(2, await next.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task NextAcknowledgement_NewStreamStarted_ForgetsTheTableOfTheOldStream()
    {
        _drainer.TableLive(Routes(7, Old));

        _drainer.StreamStarted();
        var next = _drainer.NextAcknowledgementAsync(CancellationToken.None);

        await AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.False(next.IsCompleted);
        _drainer.TableLive(Routes(1, Old));
        Assert.Equal(1, await next.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task NextAcknowledgement_Cancelled_Throws()
    {
        using var cancel = new CancellationTokenSource();
        var next = _drainer.NextAcknowledgementAsync(cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next);
    }

    private static EdgeRoutes Routes(long version, BackendKey backend) =>
        RouteTableConverter.Convert(Table(version, App("shop", "shop.localhost", (backend.Instance, backend.Url))));

    /// <summary>Moves the fake clock in poll-sized steps, letting the drainer's loop run between them.</summary>
    private async Task AdvanceAsync(TimeSpan by)
    {
        for (var moved = TimeSpan.Zero; moved < by; moved += RouteDrainer.PollInterval)
        {
            await Task.Delay(5);
            _time.Advance(by - moved < RouteDrainer.PollInterval ? by - moved : RouteDrainer.PollInterval);
        }

        await Task.Delay(20);
    }
}
