using Berth.Agent.Builds;
using Berth.Agent.Connection;
using Berth.Agent.Containers;
using Berth.Agent.Health;
using Berth.Agent.Images;
using Berth.Agent.Options;
using Berth.Agent.Reporting;
using Berth.Agent.Supervision;
using Berth.Contracts;
using Docker.DotNet;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Berth.Agent;

/// <summary>Registers the agent's parts with the host.</summary>
internal static class AgentServices
{
    /// <summary>How often HTTP/2 pings check that the control plane connection is alive.</summary>
    public static readonly TimeSpan KeepAlivePing = TimeSpan.FromSeconds(15);

    /// <summary>Adds every part of the agent, configured by <paramref name="options"/>.</summary>
    public static IServiceCollection AddBerthAgent(
        this IServiceCollection services,
        AgentOptions options,
        ClusterToken token)
    {
        services.AddSingleton(options);
        services.AddSingleton(token);
        services.AddSingleton(TimeProvider.System);

        services.AddSingleton<IDockerClient>(_ => new DockerClientBuilder().WithEndpoint(options.Docker).Build());
        services.AddSingleton(_ => CreateChannel(options.ControlPlane));
        services.AddSingleton(provider => new AgentHub.AgentHubClient(provider.GetRequiredService<GrpcChannel>()));

        services.AddSingleton<ControlPlaneClient>();
        services.AddSingleton<AgentOutbox>();
        services.AddSingleton<DockerContainers>();
        services.AddSingleton<ContainerExecutor>();
        services.AddSingleton<InstanceStatusBoard>();
        services.AddSingleton<PortProbe>();
        services.AddSingleton<BuildRunner>();
        services.AddSingleton<ImagePusher>();
        services.AddSingleton<PullJob>();
        services.AddSingleton<ScriptJob>();
        services.AddSingleton<ImageFiles>();
        services.AddSingleton<ImagePruner>();
        services.AddSingleton<AssignedContainers>();
        services.AddSingleton<RestartLedger>();
        services.AddSingleton<RestartStateFile>();
        services.AddSingleton<IStartupCheckHost, DockerStartupCheckHost>();
        services.AddSingleton<StartupChecker>();

        services.AddSingleton<ReconcileWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<ReconcileWorker>());
        services.AddSingleton<InstanceReporter>();
        services.AddHostedService(provider => provider.GetRequiredService<InstanceReporter>());
        services.AddHostedService<RestartSupervisor>();
        services.AddHostedService<AgentConnection>();

        return services;
    }

    /// <summary>An h2c (or TLS) channel that pings the control plane so a dead connection is noticed.</summary>
    private static GrpcChannel CreateChannel(Uri controlPlane)
    {
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            KeepAlivePingDelay = KeepAlivePing,
            KeepAlivePingTimeout = KeepAlivePing,
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        };

        return GrpcChannel.ForAddress(controlPlane, new GrpcChannelOptions { HttpHandler = handler });
    }
}
