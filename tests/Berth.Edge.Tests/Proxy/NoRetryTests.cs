using System.Net;
using Berth.Edge.Tests.Support;
using static Berth.Edge.Tests.Support.Tables;

namespace Berth.Edge.Tests.Proxy;

public sealed class NoRetryTests
{
    [Fact]
    public async Task Post_InstanceClosesWithoutAnswer_Answers502AndNeverSendsItAgain()
    {
        await using var backend = new ClosingBackend();
        await using var edge = await EdgeUnderTest.StartAsync();
        await edge.ApplyAsync(Table(1, App("shop", "shop.localhost", ("shop.web.1", backend.Url))));
        Assert.Equal("ok", await edge.GetBodyAsync("shop.localhost", "/warm"));

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(edge.Address, "/order"))
        {
            Content = new StringContent("{\"item\":3}"),
        };
        request.Headers.Host = "shop.localhost";
        using var client = new HttpClient();
        using var response = await client.SendAsync(request);
        await Task.Delay(300);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(["GET /warm HTTP/1.1", "POST /order HTTP/1.1"], backend.Requests);
        Assert.Equal(1, backend.Connections);
    }

    [Fact]
    public async Task Post_BodylessOnReusedConnection_IsNotReplayed()
    {
        await using var backend = new ClosingBackend();
        await using var edge = await EdgeUnderTest.StartAsync();
        await edge.ApplyAsync(Table(1, App("shop", "shop.localhost", ("shop.web.1", backend.Url))));
        Assert.Equal("ok", await edge.GetBodyAsync("shop.localhost", "/warm"));

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(edge.Address, "/charge"));
        request.Headers.Host = "shop.localhost";
        using var client = new HttpClient();
        using var response = await client.SendAsync(request);
        await Task.Delay(300);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Single(backend.Requests, line => line.StartsWith("POST ", StringComparison.Ordinal));
    }
}
