using Berth.ControlPlane;
using Berth.ControlPlane.Agents;
using Berth.ControlPlane.Api;
using Berth.ControlPlane.Builds;
using Berth.ControlPlane.Deployments;
using Berth.ControlPlane.Git;
using Berth.ControlPlane.Registry;
using Berth.ControlPlane.Routing;
using Berth.ControlPlane.Scheduling;
using Berth.ControlPlane.Security;
using Berth.ControlPlane.Store;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Serilog;

var (options, errors) = ControlPlaneOptions.Parse(args);
if (options is null)
{
    foreach (var error in errors)
    {
        Console.Error.WriteLine($"error: {error}");
    }

    Console.Error.WriteLine(ControlPlaneOptions.Usage);
    return 2;
}

Directory.CreateDirectory(options.DataDirectory);
Log.Logger = new LoggerConfiguration()
    .MinimumLevel.Information()
    .MinimumLevel.Override("Microsoft", Serilog.Events.LogEventLevel.Warning)
    .MinimumLevel.Override("Grpc", Serilog.Events.LogEventLevel.Warning)
    .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
    .CreateLogger();

var builder = WebApplication.CreateBuilder();
builder.Host.UseSerilog();
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Limits.MaxRequestBodySize = null;
    kestrel.Listen(options.GrpcEndpoint, listen => listen.Protocols = HttpProtocols.Http2);
    kestrel.Listen(options.HttpEndpoint, listen => listen.Protocols = HttpProtocols.Http1);
});

var services = builder.Services;
services.AddSingleton(options);
services.AddSingleton(TimeProvider.System);
services.AddSingleton(ClusterToken.LoadOrCreate(Path.Combine(options.DataDirectory, "token")));
services.AddSingleton(SecretCipher.LoadOrCreate(Path.Combine(options.DataDirectory, "config.key")));
services.AddSingleton<IClusterStore>(provider => new SqliteClusterStore(
    Path.Combine(options.DataDirectory, "berth.db"),
    provider.GetRequiredService<SecretCipher>(),
    provider.GetRequiredService<TimeProvider>()));
services.AddSingleton<AgentRegistry>();
services.AddSingleton<BuildCoordinator>();
services.AddSingleton<ReconcileTrigger>();
services.AddSingleton<RoutePublisher>();
services.AddSingleton<ClusterReconciler>();
services.AddHostedService(provider => provider.GetRequiredService<ClusterReconciler>());
services.AddSingleton<AppLocks>();
services.AddSingleton<DeploymentRunner>();
services.AddSingleton(provider => new RegistryClient(
    new HttpClient { Timeout = TimeSpan.FromSeconds(30) }, provider.GetRequiredService<ControlPlaneOptions>()));
services.AddSingleton<ImagePruning>();
services.AddSingleton<GitRepositories>();
services.AddSingleton<GitHttpEndpoint>();
services.AddSingleton<ReceiveHookEndpoint>();
services.AddSingleton<TokenInterceptor>();
services.AddGrpc(grpc =>
{
    grpc.Interceptors.Add<TokenInterceptor>();
    grpc.MaxReceiveMessageSize = 16 * 1024 * 1024;
});

var app = builder.Build();
var grpcHost = $"*:{options.GrpcEndpoint.Port}";
var httpHost = $"*:{options.HttpEndpoint.Port}";
app.MapGrpcService<AppsService>().RequireHost(grpcHost);
app.MapGrpcService<ClusterService>().RequireHost(grpcHost);
app.MapGrpcService<AgentHubService>().RequireHost(grpcHost);
app.MapGrpcService<RouteHubService>().RequireHost(grpcHost);
app.MapMethods(
        "/git/{repository}/{**rest}",
        ["GET", "POST"],
        (HttpContext context, string repository, string? rest, GitHttpEndpoint git) =>
            git.HandleAsync(context, repository, "/" + rest))
    .RequireHost(httpHost);
app.MapPost(
        "/hooks/receive/{app}",
        (HttpContext context, string app, ReceiveHookEndpoint hook) => hook.HandleAsync(context, app))
    .RequireHost(httpHost);

Log.Information(
    "Berth control plane serving the API on {GrpcEndpoint} and git on {HttpEndpoint}, data in {DataDirectory}",
    options.GrpcEndpoint,
    options.HttpEndpoint,
    options.DataDirectory);
await app.RunAsync();
return 0;
