using System.Net;
using Berth.Agent.Docker;
using Docker.DotNet;

namespace Berth.Agent.Tests.Docker;

public sealed class DockerErrorsTests
{
    [Fact]
    public void Describe_ApiErrorWithJsonBody_ReturnsTheEngineMessage()
    {
        var error = new DockerApiException(HttpStatusCode.Conflict, """{"message":"name already in use"}""");

        Assert.Equal("name already in use", DockerErrors.Describe(error));
    }

    [Fact]
    public void Describe_ApiErrorWithPlainBody_ReturnsTheBody()
    {
        var error = new DockerApiException(HttpStatusCode.InternalServerError, "boom\n");

        Assert.Equal("boom", DockerErrors.Describe(error));
    }

    [Fact]
    public void Describe_ApiErrorWithoutBody_NamesTheStatus()
    {
        var error = new DockerApiException(HttpStatusCode.NotFound, "");

        Assert.Equal("Docker answered 404", DockerErrors.Describe(error));
    }

    [Fact]
    public void Describe_OtherException_ReturnsItsMessage()
    {
        Assert.Equal("socket gone", DockerErrors.Describe(new IOException("socket gone")));
    }

    [Fact]
    public void Describe_WrappedException_AddsTheRootCause()
    {
        var error = new HttpRequestException("Connection failed.", new IOException("No such file or directory"));

        Assert.Equal("Connection failed. (No such file or directory)", DockerErrors.Describe(error));
    }
}
