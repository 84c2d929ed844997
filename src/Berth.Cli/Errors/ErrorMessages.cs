using Grpc.Core;

namespace Berth.Cli.Errors;

/// <summary>Turns any exception that ends a command into the lines printed after <c>error:</c>.</summary>
internal static class ErrorMessages
{
    /// <summary>What to do when no login is saved.</summary>
    public const string NotLoggedIn = "not logged in; run berth login URL --token-file FILE";

    /// <summary>What to do when the control plane rejects the token.</summary>
    public const string TokenRefused = "the control plane refused the token; run berth login again";

    /// <summary>
    /// The messages for <paramref name="exception"/>; <paramref name="serverUrl"/> is the
    /// control plane the command talked to, if any.
    /// </summary>
    public static IReadOnlyList<string> Describe(Exception exception, string? serverUrl) => exception switch
    {
        CliException cli => cli.Messages,
        RpcException rpc => [DescribeRpc(rpc, serverUrl)],
        _ => [exception.Message],
    };

    /// <summary>The message for a failed gRPC call, chosen by its status code.</summary>
    public static string DescribeRpc(RpcException exception, string? serverUrl)
    {
        var detail = Detail(exception.Status);
        var server = serverUrl ?? "the configured URL";

        return exception.StatusCode switch
        {
            StatusCode.Unauthenticated => TokenRefused,
            StatusCode.Unavailable => $"cannot reach the control plane at {server}: {WithCause(detail, exception)}",
            StatusCode.DeadlineExceeded => $"the control plane at {server} did not answer in time: {detail}",
            _ => detail,
        };
    }

    private static string WithCause(string detail, RpcException exception)
    {
        // "Error connecting to subchannel." alone does not say why; the socket error does.
        var cause = exception.Status.DebugException?.GetBaseException().Message;
        return string.IsNullOrWhiteSpace(cause) || detail.Contains(cause, StringComparison.Ordinal)
            ? detail
            : $"{detail} ({cause})";
    }

    private static string Detail(Status status) =>
        string.IsNullOrWhiteSpace(status.Detail)
            ? $"the call failed with status {status.StatusCode}"
            : status.Detail;
}
