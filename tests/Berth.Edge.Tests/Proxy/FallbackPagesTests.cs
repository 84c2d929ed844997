using Berth.Edge.Proxy;
using Microsoft.AspNetCore.Http;

namespace Berth.Edge.Tests.Proxy;

public sealed class FallbackPagesTests
{
    [Fact]
    public async Task WriteUnknownHostAsync_HostWithMarkup_IsEncoded()
    {
        var context = NewContext("a<b>.example");

        await FallbackPages.WriteUnknownHostAsync(context);

        var body = Body(context);
        Assert.Equal(StatusCodes.Status404NotFound, context.Response.StatusCode);
        Assert.Contains("No app has the domain a&lt;b&gt;.example.", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteUnknownHostAsync_NoHost_SaysNone()
    {
        var context = NewContext("");

        await FallbackPages.WriteUnknownHostAsync(context);

        Assert.Contains("No app has the domain (none).", Body(context), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteNoInstanceAsync_Always_IsUncachedHtml503()
    {
        var context = NewContext("idle.localhost");

        await FallbackPages.WriteNoInstanceAsync(context, "idle");

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", context.Response.ContentType);
        Assert.Equal("no-store", context.Response.Headers.CacheControl.ToString());
        Assert.Contains("The app idle has no running web instance", Body(context), StringComparison.Ordinal);
    }

    private static DefaultHttpContext NewContext(string host)
    {
        var context = new DefaultHttpContext();
        context.Request.Host = new HostString(host);
        context.Response.Body = new MemoryStream();

        return context;
    }

    private static string Body(HttpContext context) =>
        System.Text.Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
}
