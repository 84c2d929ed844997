using System.Net;
using System.Threading.Channels;
using Berth.Contracts;
using Berth.Edge.Hosting;
using Berth.Edge.Tests.Support;
using static Berth.Edge.Tests.Support.Tables;

namespace Berth.Edge.Tests.Stream;

/// <summary>
/// The acknowledgement of a route table that removes an instance waits for the requests in flight to
/// it, through a real edge, a real backend (Kestrel) and the route stream of a fake control plane.
/// </summary>
public sealed class DrainAcknowledgementTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(700);

    [Fact]
    public async Task Ack_TableRemovesBusyInstance_WaitsForItsRequestWhichAnswers200()
    {
        await using var controlPlane = await FakeControlPlane.StartAsync();
        await using var old = await TestBackend.StartAsync("shop.web.1");
        await using var replacement = await TestBackend.StartAsync("shop.web.2");
        await using var edge = await StartEdgeAsync(controlPlane, TimeSpan.FromSeconds(25));
        using var timeout = new CancellationTokenSource(Patience);
        var hub = controlPlane.Hub;
        await ExpectHelloAsync(hub.Received, timeout.Token);
        hub.Tables.Writer.TryWrite(Table(1, App("shop", "shop.localhost", old)));
        Assert.Equal(1, await NextAckAsync(hub.Received, timeout.Token));

        var held = edge.GetAsync("shop.localhost", TestBackend.HoldPath);
        await old.Holding.WaitAsync(timeout.Token);
        hub.Tables.Writer.TryWrite(Table(2, App("shop", "shop.localhost", replacement)));

        await AssertNoAckAsync(hub.Received);
        Assert.Contains("backend=shop.web.2\n", await edge.GetBodyAsync("shop.localhost"), StringComparison.Ordinal);
        Assert.Equal(1, old.Requests);

        old.ReleaseHeld();
        using var response = await held.WaitAsync(timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("backend=shop.web.1\n", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await NextAckAsync(hub.Received, timeout.Token));
    }

    [Fact]
    public async Task Ack_RequestOutlivesDrainTimeout_AcknowledgesAtTheLimit()
    {
        await using var controlPlane = await FakeControlPlane.StartAsync();
        await using var old = await TestBackend.StartAsync("shop.web.1");
        await using var edge = await StartEdgeAsync(controlPlane, TimeSpan.FromSeconds(2));
        using var timeout = new CancellationTokenSource(Patience);
        var hub = controlPlane.Hub;
        await ExpectHelloAsync(hub.Received, timeout.Token);
        hub.Tables.Writer.TryWrite(Table(1, App("shop", "shop.localhost", old)));
        Assert.Equal(1, await NextAckAsync(hub.Received, timeout.Token));
        var held = edge.GetAsync("shop.localhost", TestBackend.HoldPath);
        await old.Holding.WaitAsync(timeout.Token);

        hub.Tables.Writer.TryWrite(Table(2));

        // The limit itself is timed with a fake clock in RouteDrainerTests; here, over the wire,
        // the table is acknowledged later but while the request is still held.
        await AssertNoAckAsync(hub.Received);
        Assert.Equal(2, await NextAckAsync(hub.Received, timeout.Token));
        Assert.False(held.IsCompleted);
        old.ReleaseHeld();
        using var response = await held.WaitAsync(timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ack_NewerTableWhileDraining_AcknowledgesOnlyTheNewerOnceDrained()
    {
        await using var controlPlane = await FakeControlPlane.StartAsync();
        await using var old = await TestBackend.StartAsync("shop.web.1");
        await using var second = await TestBackend.StartAsync("shop.web.2");
        await using var third = await TestBackend.StartAsync("shop.web.3");
        await using var edge = await StartEdgeAsync(controlPlane, TimeSpan.FromSeconds(25));
        using var timeout = new CancellationTokenSource(Patience);
        var hub = controlPlane.Hub;
        await ExpectHelloAsync(hub.Received, timeout.Token);
        hub.Tables.Writer.TryWrite(Table(1, App("shop", "shop.localhost", old)));
        Assert.Equal(1, await NextAckAsync(hub.Received, timeout.Token));
        var held = edge.GetAsync("shop.localhost", TestBackend.HoldPath);
        await old.Holding.WaitAsync(timeout.Token);

        hub.Tables.Writer.TryWrite(Table(2, App("shop", "shop.localhost", second)));
        hub.Tables.Writer.TryWrite(Table(3, App("shop", "shop.localhost", third)));
        await AssertNoAckAsync(hub.Received);
        Assert.Contains("backend=shop.web.3\n", await edge.GetBodyAsync("shop.localhost"), StringComparison.Ordinal);

        old.ReleaseHeld();
        (await held.WaitAsync(timeout.Token)).Dispose();
        Assert.Equal(3, await NextAckAsync(hub.Received, timeout.Token));
        await AssertNoAckAsync(hub.Received);
    }

    private static Task<EdgeUnderTest> StartEdgeAsync(FakeControlPlane controlPlane, TimeSpan drainTimeout)
    {
        var options = EdgeUnderTest.Options(controlPlane.Address) with { DrainTimeout = drainTimeout };
        var builder = EdgeServer.CreateBuilder(options);
        EdgeServer.AddRouteWatcher(builder.Services, options, "test-token");

        return EdgeUnderTest.StartAsync(builder);
    }

    private static async Task ExpectHelloAsync(Channel<EdgeMessage> received, CancellationToken cancellationToken)
    {
        var message = await received.Reader.ReadAsync(cancellationToken);

        Assert.Equal(EdgeMessage.BodyOneofCase.Hello, message.BodyCase);
    }

    private static async Task<long> NextAckAsync(Channel<EdgeMessage> received, CancellationToken cancellationToken)
    {
        var message = await received.Reader.ReadAsync(cancellationToken);

        Assert.Equal(EdgeMessage.BodyOneofCase.Ack, message.BodyCase);
        return message.Ack.Version;
    }

    private static async Task AssertNoAckAsync(Channel<EdgeMessage> received)
    {
        await Task.Delay(Quiet);

        Assert.False(received.Reader.TryRead(out var message), $"unexpected message from the edge: {message}");
    }
}
