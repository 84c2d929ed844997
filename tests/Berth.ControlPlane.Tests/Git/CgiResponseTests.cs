using System.Text;
using Berth.ControlPlane.Git;
using Microsoft.AspNetCore.Http;

namespace Berth.ControlPlane.Tests.Git;

public sealed class CgiResponseTests
{
    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    public async Task ReadHeadersAsync_HeaderBlock_ReturnsEachHeaderAndStopsAtTheBody(string newline)
    {
        var text = string.Join(
            newline,
            "Content-Type: application/x-git-upload-pack-advertisement",
            "Cache-Control:no-cache",
            "Expires: Fri, 01 Jan 1980 00:00:00 GMT",
            "",
            "001e# service=git-upload-pack\n");
        using var output = Stream(text);

        var headers = await CgiResponse.ReadHeadersAsync(output, CancellationToken.None);

        Assert.Equal(
            [
                ("Content-Type", "application/x-git-upload-pack-advertisement"),
                ("Cache-Control", "no-cache"),
                ("Expires", "Fri, 01 Jan 1980 00:00:00 GMT"),
            ],
            headers);
        Assert.Equal("001e# service=git-upload-pack\n", await new StreamReader(output).ReadToEndAsync());
    }

    [Fact]
    public async Task ReadHeadersAsync_LineWithoutColon_IsSkipped()
    {
        using var output = Stream("garbage line\r\nX-A: 1\r\n\r\nbody");

        var headers = await CgiResponse.ReadHeadersAsync(output, CancellationToken.None);

        Assert.Equal([("X-A", "1")], headers);
    }

    [Fact]
    public async Task ReadHeadersAsync_EmptyOutput_ReturnsNoHeaders()
    {
        using var output = Stream("");

        Assert.Empty(await CgiResponse.ReadHeadersAsync(output, CancellationToken.None));
    }

    [Fact]
    public async Task ReadHeadersAsync_HeaderLineTooLong_Throws()
    {
        using var output = Stream("X-Long: " + new string('a', 70 * 1024) + "\r\n\r\n");

        await Assert.ThrowsAsync<InvalidDataException>(
            () => CgiResponse.ReadHeadersAsync(output, CancellationToken.None));
    }

    [Fact]
    public void Apply_StatusHeader_SetsTheStatusCodeAndIsNotCopied()
    {
        var response = NewResponse();

        CgiResponse.Apply([("Status", "404 Not Found"), ("Content-Type", "text/plain")], response);

        Assert.Equal(404, response.StatusCode);
        Assert.False(response.Headers.ContainsKey("Status"));
        Assert.Equal("text/plain", response.ContentType);
    }

    [Fact]
    public void Apply_NoStatusHeader_Keeps200AndCopiesHeaders()
    {
        var response = NewResponse();

        CgiResponse.Apply(
            [("Content-Type", "application/x-git-receive-pack-result"), ("Pragma", "no-cache")],
            response);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("application/x-git-receive-pack-result", response.Headers.ContentType.ToString());
        Assert.Equal("no-cache", response.Headers.Pragma.ToString());
    }

    [Fact]
    public void Apply_RepeatedHeader_KeepsEveryValue()
    {
        var response = NewResponse();

        CgiResponse.Apply([("Vary", "Accept"), ("Vary", "Authorization")], response);

        Assert.Equal(new[] { "Accept", "Authorization" }, response.Headers.Vary.ToArray()!);
    }

    [Fact]
    public async Task CopyBodyAsync_AfterHeaders_CopiesTheBodyBytesExactly()
    {
        var body = new byte[100_000];
        new Random(7).NextBytes(body);
        using var output = new MemoryStream([.. Encoding.ASCII.GetBytes("Status: 200 OK\r\n\r\n"), .. body]);
        var response = NewResponse();
        var headers = await CgiResponse.ReadHeadersAsync(output, CancellationToken.None);
        CgiResponse.Apply(headers, response);

        await CgiResponse.CopyBodyAsync(output, response, CancellationToken.None);

        Assert.Equal(body, ((MemoryStream)response.Body).ToArray());
    }

    private static MemoryStream Stream(string text) => new(Encoding.ASCII.GetBytes(text));

    private static HttpResponse NewResponse()
    {
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        return context.Response;
    }
}
