using Yarp.ReverseProxy.Forwarder;

namespace Berth.Edge.Proxy;

/// <summary>
/// The proxy's HTTP client settings: the defaults, except that idle pooled connections to
/// backends are dropped after a second.
/// </summary>
/// <remarks>
/// App servers close idle keep-alive connections after a few seconds (gunicorn 2 s, Node 5 s), and
/// instances go away on every deploy. Reusing a connection the backend is closing at that moment
/// fails the request with 502; keeping our idle time below theirs makes that race rare, at the cost
/// of a new loopback or LAN connection after a quiet second.
/// </remarks>
public sealed class EdgeHttpClientFactory(ILogger<ForwarderHttpClientFactory> logger)
    : ForwarderHttpClientFactory(logger)
{
    /// <summary>How long an idle connection to a backend stays in the pool.</summary>
    public static readonly TimeSpan PooledConnectionIdleTimeout = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    protected override void ConfigureHandler(ForwarderHttpClientContext context, SocketsHttpHandler handler)
    {
        base.ConfigureHandler(context, handler);

        handler.PooledConnectionIdleTimeout = PooledConnectionIdleTimeout;
    }
}
