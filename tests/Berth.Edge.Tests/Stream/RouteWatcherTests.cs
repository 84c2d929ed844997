using System.Threading.Channels;
using Berth.Contracts;
using Berth.Edge.Hosting;
using Berth.Edge.Routing;
using Berth.Edge.Tests.Support;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using static Berth.Edge.Tests.Support.Tables;

namespace Berth.Edge.Tests.Stream;

public sealed class RouteWatcherTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Watch_TableReceived_SaysHelloWithTokenThenAppliesAndAcknowledges()
    {
        await using var controlPlane = await FakeControlPlane.StartAsync();
        await using var backend = await TestBackend.StartAsync("shop.web.1");
        await using var edge = await StartEdgeAsync(controlPlane);
        using var timeout = new CancellationTokenSource(Patience);
        var hub = controlPlane.Hub;

        Assert.Equal("Bearer test-token", await hub.Authorizations.Reader.ReadAsync(timeout.Token));
        Assert.Equal("edge-test", (await hub.Received.Reader.ReadAsync(timeout.Token)).Hello.Edge);
        hub.Tables.Writer.TryWrite(Table(5, App("shop", "shop.localhost", backend)));

        var ack = await hub.Received.Reader.ReadAsync(timeout.Token);

        Assert.Equal(5, ack.Ack.Version);
        Assert.Contains("backend=shop.web.1\n", await edge.GetBodyAsync("shop.localhost"), StringComparison.Ordinal);
        Assert.True(edge.Services.GetRequiredService<EdgeStatus>().ControlPlaneConnected);
    }

    [Fact]
    public async Task Watch_StreamDropped_KeepsServingAndReconnects()
    {
        await using var controlPlane = await FakeControlPlane.StartAsync();
        await using var backend = await TestBackend.StartAsync("shop.web.1");
        await using var edge = await StartEdgeAsync(controlPlane);
        using var timeout = new CancellationTokenSource(Patience);
        var hub = controlPlane.Hub;
        await NextHelloAsync(hub.Received, timeout.Token);
        hub.Tables.Writer.TryWrite(Table(1, App("shop", "shop.localhost", backend)));
        Assert.Equal(1, (await hub.Received.Reader.ReadAsync(timeout.Token)).Ack.Version);

        hub.DropCurrentStream();

        await NextHelloAsync(hub.Received, timeout.Token);
        Assert.Contains("backend=shop.web.1\n", await edge.GetBodyAsync("shop.localhost"), StringComparison.Ordinal);
        hub.Tables.Writer.TryWrite(Table(2, App("shop", "shop.localhost", Array.Empty<TestBackend>())));
        Assert.Equal(2, (await hub.Received.Reader.ReadAsync(timeout.Token)).Ack.Version);
        Assert.Equal(2, edge.Services.GetRequiredService<RouteConfigProvider>().Current.Version);
    }

    [Fact]
    public async Task Watch_TokenRejected_KeepsRetryingWithoutApplyingAnything()
    {
        await using var controlPlane = await FakeControlPlane.StartAsync();
        controlPlane.Hub.Reject = StatusCode.Unauthenticated;
        await using var edge = await StartEdgeAsync(controlPlane);
        using var timeout = new CancellationTokenSource(Patience);

        await controlPlane.Hub.Authorizations.Reader.ReadAsync(timeout.Token);
        await controlPlane.Hub.Authorizations.Reader.ReadAsync(timeout.Token);

        Assert.False(edge.Services.GetRequiredService<RouteConfigProvider>().HasTable);
        Assert.False(edge.Services.GetRequiredService<EdgeStatus>().ControlPlaneConnected);
    }

    private static Task<EdgeUnderTest> StartEdgeAsync(FakeControlPlane controlPlane)
    {
        var options = EdgeUnderTest.Options(controlPlane.Address);
        var builder = EdgeServer.CreateBuilder(options);
        EdgeServer.AddRouteWatcher(builder.Services, options, "test-token");

        return EdgeUnderTest.StartAsync(builder);
    }

    private static async Task NextHelloAsync(Channel<EdgeMessage> received, CancellationToken cancellationToken)
    {
        var message = await received.Reader.ReadAsync(cancellationToken);

        Assert.Equal(EdgeMessage.BodyOneofCase.Hello, message.BodyCase);
    }
}
