using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Berth.ControlPlane.Security;

/// <summary>Refuses every gRPC call that does not carry the cluster token.</summary>
public sealed partial class TokenInterceptor(ClusterToken token, ILogger<TokenInterceptor> logger) : Interceptor
{
    /// <inheritdoc />
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request,
        ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(request, context);
    }

    /// <inheritdoc />
    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request,
        IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(request, responseStream, context);
    }

    /// <inheritdoc />
    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(requestStream, responseStream, context);
    }

    private void Check(ServerCallContext context)
    {
        var header = context.RequestHeaders.GetValue("authorization");
        if (token.MatchesHeader(header))
        {
            return;
        }

        Log.Unauthenticated(logger, context.Method, context.Peer, header is null ? "no token" : "a wrong token");
        throw new RpcException(new Status(
            StatusCode.Unauthenticated,
            "the cluster token is missing or wrong; " +
            "log in again with the token from the control plane's data directory"));
    }

    private static partial class Log
    {
        [LoggerMessage(
            EventIds.Unauthenticated,
            LogLevel.Warning,
            "Refused {Method} from {Peer}: it carried {Reason}")]
        public static partial void Unauthenticated(ILogger logger, string method, string peer, string reason);
    }
}
