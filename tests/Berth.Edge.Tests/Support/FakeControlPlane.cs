using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Berth.Edge.Tests.Support;

/// <summary>A gRPC server on loopback (h2c) serving only <see cref="FakeRouteHub"/>.</summary>
internal sealed class FakeControlPlane : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeControlPlane(WebApplication app, FakeRouteHub hub, Uri address)
    {
        _app = app;
        Hub = hub;
        Address = address;
    }

    public FakeRouteHub Hub { get; }

    public Uri Address { get; }

    public static async Task<FakeControlPlane> StartAsync()
    {
        var hub = new FakeRouteHub();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(hub);

        var app = builder.Build();
        app.MapGrpcService<FakeRouteHub>();
        await app.StartAsync();

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        var address = addresses.Addresses.Single();
        return new FakeControlPlane(app, hub, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
