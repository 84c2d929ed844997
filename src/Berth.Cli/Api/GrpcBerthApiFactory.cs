using Berth.Cli.Configuration;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace Berth.Cli.Api;

/// <summary>
/// Makes gRPC clients over one channel (h2c for http URLs, TLS for https) whose every call
/// carries <c>authorization: Bearer &lt;token&gt;</c>, added by an interceptor so that it also
/// works over plain HTTP/2.
/// </summary>
internal sealed class GrpcBerthApiFactory : IBerthApiFactory
{
    private readonly TimeProvider timeProvider;
    private readonly TimeSpan callTimeout;

    /// <summary>Creates the factory; each call fails after <paramref name="callTimeout"/>.</summary>
    public GrpcBerthApiFactory(TimeProvider timeProvider, TimeSpan callTimeout)
    {
        this.timeProvider = timeProvider;
        this.callTimeout = callTimeout;
    }

    /// <inheritdoc />
    public IBerthApi Create(ServerSettings settings)
    {
        var channel = GrpcChannel.ForAddress(settings.Url);
        var invoker = channel.Intercept(metadata => AddToken(metadata, settings.Token));

        return new GrpcBerthApi(channel, invoker, () => timeProvider.GetUtcNow().UtcDateTime + callTimeout);
    }

    private static Metadata AddToken(Metadata metadata, string token)
    {
        metadata.Add("authorization", $"Bearer {token}");
        return metadata;
    }
}
