using Microsoft.AspNetCore.Server.Kestrel.Core;
using System.Net;
using Berth.Contracts;
using Berth.Edge.Draining;
using Berth.Edge.Options;
using Berth.Edge.Proxy;
using Berth.Edge.Routing;
using Berth.Edge.Stream;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace Berth.Edge.Hosting;

/// <summary>
/// Builds the edge's web application: Kestrel on the listen address, the proxy fed by
/// <see cref="RouteConfigProvider"/>, the fallback pages and the health endpoint. The route stream
/// is added apart (<see cref="AddRouteWatcher"/>), so tests can feed route tables directly.
/// </summary>
public static partial class EdgeServer
{
    /// <summary>Creates the builder with every service except the route stream.</summary>
    public static WebApplicationBuilder CreateBuilder(EdgeOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });

        ConfigureKestrel(builder.WebHost, options.Listen);
        EdgeLogging.Configure(builder.Services);
        AddProxy(builder.Services);
        builder.Services.AddSingleton(options);

        return builder;
    }

    /// <summary>Adds the route stream to the control plane, authenticated with <paramref name="token"/>.</summary>
    public static void AddRouteWatcher(IServiceCollection services, EdgeOptions options, string token)
    {
        services.AddSingleton(provider => GrpcChannel.ForAddress(options.ControlPlane, new GrpcChannelOptions
        {
            HttpHandler = CreateControlPlaneHandler(),
            DisposeHttpClient = true,
            LoggerFactory = provider.GetRequiredService<ILoggerFactory>(),
        }));

        services.AddHostedService(provider => new RouteWatcher(
            new RouteHub.RouteHubClient(provider.GetRequiredService<GrpcChannel>()),
            options,
            token,
            provider.GetRequiredService<RouteTableApplier>(),
            provider.GetRequiredService<RouteDrainer>(),
            provider.GetRequiredService<EdgeStatus>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<RouteWatcher>>()));
    }

    /// <summary>Builds the application and maps its endpoints, the proxy first and the 404 page last.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();

        app.MapGet(HealthEndpoint.Path, HealthEndpoint.Handle).RequireHost(HealthEndpoint.Host);

        app.MapReverseProxy(pipeline =>
        {
            pipeline.UseMiddleware<ProxyPipelineGuard>();
            pipeline.UseSessionAffinity();
            pipeline.UseLoadBalancing();
            pipeline.UsePassiveHealthChecks();
            pipeline.UseMiddleware<InFlightTracking>();
        });

        // App routes have order 0; this one only wins when no app's host matched.
        app.Map("{**path}", HandleUnrouted).WithOrder(int.MaxValue);

        return app;
    }

    /// <summary>The addresses Kestrel actually bound (with the real port when 0 was asked for).</summary>
    public static IReadOnlyList<string> BoundAddresses(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];

    /// <summary>Logs where the edge serves traffic; call once the application has started.</summary>
    public static void LogListening(WebApplication app)
    {
        var options = app.Services.GetRequiredService<EdgeOptions>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EdgeServer));

        Log.Listening(logger, options.Name, string.Join(", ", BoundAddresses(app)));
    }

    private static Task HandleUnrouted(HttpContext context, RouteConfigProvider routes) =>
        routes.HasTable ? FallbackPages.WriteUnknownHostAsync(context) : FallbackPages.WriteNotReadyAsync(context);

    private static void ConfigureKestrel(IWebHostBuilder webHost, IPEndPoint listen) =>
        webHost.ConfigureKestrel(kestrel =>
        {
            // Limitation: the edge serves cleartext HTTP/1.1 only (no TLS, SNI certificates or HTTP/2 yet), and
            // request bodies are held to Kestrel's default limit of 30 MB.
            kestrel.AddServerHeader = false;
            kestrel.Listen(listen, endpoint => endpoint.Protocols = HttpProtocols.Http1);
        });

    private static void AddProxy(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<EdgeStatus>();
        services.AddSingleton<RouteConfigProvider>();
        services.AddSingleton<IProxyConfigProvider>(provider => provider.GetRequiredService<RouteConfigProvider>());
        services.AddSingleton<RouteTableApplier>();
        services.AddSingleton<InFlightRequests>();
        services.AddSingleton<RouteDrainer>();

        services.AddReverseProxy();
        services.AddSingleton<IForwarderHttpClientFactory, EdgeHttpClientFactory>();
    }

    private static SocketsHttpHandler CreateControlPlaneHandler() => new()
    {
        // Pings notice a control plane that vanished without closing the connection.
        KeepAlivePingDelay = TimeSpan.FromSeconds(20),
        KeepAlivePingTimeout = TimeSpan.FromSeconds(10),
        KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        EnableMultipleHttp2Connections = true,
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = EventIds.EdgeListening, EventName = "EdgeListening", Level = LogLevel.Information,
            Message = "Edge {Edge} serving app traffic on {Addresses}.")]
        public static partial void Listening(ILogger logger, string edge, string addresses);
    }
}
