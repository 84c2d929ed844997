using Grpc.Core;

namespace Berth.ControlPlane.Api;

/// <summary>The errors the API answers with, each a sentence that says what to do.</summary>
internal static class ApiErrors
{
    public static RpcException AppNotFound(string app) =>
        new(new Status(StatusCode.NotFound, $"no app named '{app}'; `berth apps:list` shows the apps"));

    public static RpcException Invalid(IEnumerable<string> errors) =>
        new(new Status(StatusCode.InvalidArgument, string.Join(" ", errors)));

    public static RpcException Invalid(string error) => new(new Status(StatusCode.InvalidArgument, error));

    public static RpcException Exists(string message) => new(new Status(StatusCode.AlreadyExists, message));

    public static RpcException Precondition(string message) =>
        new(new Status(StatusCode.FailedPrecondition, message));
}
