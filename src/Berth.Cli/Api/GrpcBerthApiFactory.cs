using Berth.Cli.Configuration;
using Berth.Contracts;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace Berth.Cli.Api;

/// <summary>
/// Makes gRPC clients over one channel (h2c for http URLs, TLS for https) whose every call
/// carries <c>authorization: Bearer &lt;token&gt;</c> and the CLI's actor, added by an
/// interceptor so that it also works over plain HTTP/2.
/// </summary>
internal sealed class GrpcBerthApiFactory : IBerthApiFactory
{
    private readonly TimeProvider timeProvider;
    private readonly TimeSpan callTimeout;
    private readonly string actor;

    /// <summary>
    /// Creates the factory; each call fails after <paramref name="callTimeout"/> and declares
    /// <paramref name="actor"/> (<see cref="CliEnvironment.Actor"/>).
    /// </summary>
    public GrpcBerthApiFactory(TimeProvider timeProvider, TimeSpan callTimeout, string actor)
    {
        this.timeProvider = timeProvider;
        this.callTimeout = callTimeout;
        this.actor = actor;
    }

    /// <inheritdoc />
    public IBerthApi Create(ServerSettings settings)
    {
        var channel = GrpcChannel.ForAddress(settings.Url);
        var invoker = channel.Intercept(metadata => AddHeaders(metadata, settings.Token));

        return new GrpcBerthApi(channel, invoker, () => timeProvider.GetUtcNow().UtcDateTime + callTimeout);
    }

    private Metadata AddHeaders(Metadata metadata, string token)
    {
        metadata.Add("authorization", $"Bearer {token}");
        metadata.Add(MetadataKeys.Actor, actor);
        return metadata;
    }
}
