using System.Net.Sockets;
using Berth.Cli.Errors;
using Grpc.Core;

namespace Berth.Cli.Tests.Errors;

public sealed class ErrorMessagesTests
{
    private const string Url = "http://127.0.0.1:7000";

    [Fact]
    public void Describe_Unauthenticated_SaysToLogInAgain()
    {
        var exception = new RpcException(new Status(StatusCode.Unauthenticated, "missing bearer token"));

        Assert.Equal(
            ["the control plane refused the token; run berth login again"],
            ErrorMessages.Describe(exception, Url));
    }

    [Fact]
    public void Describe_Unavailable_NamesUrlAndCause()
    {
        var cause = new SocketException((int)SocketError.ConnectionRefused);
        var exception = new RpcException(new Status(StatusCode.Unavailable, "Error connecting to subchannel.", cause));

        var message = ErrorMessages.Describe(exception, Url).Single();

        Assert.Equal(
            $"cannot reach the control plane at {Url}: Error connecting to subchannel. ({cause.Message})",
            message);
    }

    [Fact]
    public void Describe_UnavailableWithoutCause_UsesDetail()
    {
        var exception = new RpcException(new Status(StatusCode.Unavailable, "connection reset"));

        Assert.Equal(
            [$"cannot reach the control plane at {Url}: connection reset"],
            ErrorMessages.Describe(exception, Url));
    }

    [Theory]
    [InlineData(StatusCode.NotFound, "app 'x' does not exist")]
    [InlineData(StatusCode.AlreadyExists, "app 'x' already exists")]
    [InlineData(StatusCode.InvalidArgument, "'X' is not a valid app name")]
    [InlineData(StatusCode.FailedPrecondition, "the app has no release yet")]
    [InlineData(StatusCode.PermissionDenied, "not allowed")]
    [InlineData(StatusCode.Internal, "boom")]
    public void Describe_OtherCodes_PrintsDetail(StatusCode code, string detail)
    {
        var exception = new RpcException(new Status(code, detail));

        Assert.Equal([detail], ErrorMessages.Describe(exception, Url));
    }

    [Fact]
    public void Describe_EmptyDetail_NamesStatusCode()
    {
        var exception = new RpcException(new Status(StatusCode.Internal, ""));

        Assert.Equal(["the call failed with status Internal"], ErrorMessages.Describe(exception, Url));
    }

    [Fact]
    public void Describe_DeadlineExceeded_NamesUrl()
    {
        var exception = new RpcException(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"));

        Assert.Equal(
            [$"the control plane at {Url} did not answer in time: Deadline Exceeded"],
            ErrorMessages.Describe(exception, Url));
    }

    [Fact]
    public void Describe_CliException_GivesEveryMessage()
    {
        var exception = new CliException(["first", "second"]);

        Assert.Equal(["first", "second"], ErrorMessages.Describe(exception, null));
    }

    [Fact]
    public void Describe_OtherException_GivesItsMessage()
    {
        Assert.Equal(["disk full"], ErrorMessages.Describe(new IOException("disk full"), null));
    }
}
