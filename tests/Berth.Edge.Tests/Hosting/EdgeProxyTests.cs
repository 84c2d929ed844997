using System.Net;
using Berth.Edge.Tests.Support;
using static Berth.Edge.Tests.Support.Tables;

namespace Berth.Edge.Tests.Hosting;

public sealed class EdgeProxyTests
{
    [Fact]
    public async Task Get_RoutedHost_ReachesBackendWithClientHostAndForwardedHeaders()
    {
        await using var backend = await TestBackend.StartAsync("shop.web.1");
        await using var edge = await EdgeUnderTest.StartAsync();
        await edge.ApplyAsync(Table(1, App("shop", "shop.localhost", backend)));

        var body = await edge.GetBodyAsync("Shop.Localhost:8080", "/cart?item=3");

        Assert.Contains("backend=shop.web.1\n", body, StringComparison.Ordinal);
        Assert.Contains("host=Shop.Localhost:8080\n", body, StringComparison.Ordinal);
        Assert.Contains("x-forwarded-for=127.0.0.1\n", body, StringComparison.Ordinal);
        Assert.Contains("x-forwarded-proto=http\n", body, StringComparison.Ordinal);
        Assert.Contains("x-forwarded-host=Shop.Localhost:8080\n", body, StringComparison.Ordinal);
        Assert.Contains("path=/cart?item=3\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AppWithTwoInstances_SpreadsConsecutiveRequestsRoundRobin()
    {
        await using var one = await TestBackend.StartAsync("shop.web.1");
        await using var two = await TestBackend.StartAsync("shop.web.2");
        await using var edge = await EdgeUnderTest.StartAsync();
        await edge.ApplyAsync(Table(1, App("shop", "shop.localhost", one, two)));

        var answered = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            answered.Add((await edge.GetBodyAsync("shop.localhost")).Split('\n')[0]);
        }

        Assert.Equal(2, one.Requests);
        Assert.Equal(2, two.Requests);
        Assert.NotEqual(answered[0], answered[1]);
        Assert.Equal(answered[0], answered[2]);
    }

    [Fact]
    public async Task Get_UnknownHost_Answers404PageNamingTheHost()
    {
        await using var backend = await TestBackend.StartAsync("shop.web.1");
        await using var edge = await EdgeUnderTest.StartAsync();
        await edge.ApplyAsync(Table(1, App("shop", "shop.localhost", backend)));

        using var response = await edge.GetAsync("Nowhere.Example:8080", "/shop.localhost");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("No app has the domain nowhere.example.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("berth", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("yarp", body, StringComparison.OrdinalIgnoreCase);
        Assert.True(body.Length < 400, body);
        Assert.Equal(0, backend.Requests);
    }

    [Fact]
    public async Task Get_AppWithoutBackends_Answers503NoInstancePage()
    {
        await using var edge = await EdgeUnderTest.StartAsync();
        await edge.ApplyAsync(Table(1, App("idle", "idle.localhost", Array.Empty<TestBackend>())));

        using var response = await edge.GetAsync("idle.localhost", "/anything");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("The app idle has no running web instance", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_BeforeFirstTable_Answers503NotReady()
    {
        await using var edge = await EdgeUnderTest.StartAsync();

        using var response = await edge.GetAsync("shop.localhost");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("cannot route requests yet", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AfterNewTableReplacesBackends_ReachesOnlyTheNewBackend()
    {
        await using var old = await TestBackend.StartAsync("shop.web.1");
        await using var replacement = await TestBackend.StartAsync("shop.web.2");
        await using var edge = await EdgeUnderTest.StartAsync();
        await edge.ApplyAsync(Table(1, App("shop", "shop.localhost", old)));
        Assert.Contains("backend=shop.web.1\n", await edge.GetBodyAsync("shop.localhost"), StringComparison.Ordinal);

        await edge.ApplyAsync(Table(2, App("shop", "shop.localhost", replacement)));

        for (var i = 0; i < 3; i++)
        {
            var body = await edge.GetBodyAsync("shop.localhost");
            Assert.Contains("backend=shop.web.2\n", body, StringComparison.Ordinal);
        }

        Assert.Equal(1, old.Requests);
    }

    [Fact]
    public async Task Get_AfterNewTableRemovesApp_Answers404()
    {
        await using var backend = await TestBackend.StartAsync("shop.web.1");
        await using var edge = await EdgeUnderTest.StartAsync();
        await edge.ApplyAsync(Table(1, App("shop", "shop.localhost", backend)));

        await edge.ApplyAsync(Table(2));

        using var response = await edge.GetAsync("shop.localhost");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_BackendGone_Answers502()
    {
        var gone = await TestBackend.StartAsync("shop.web.1");
        var url = gone.Url;
        await gone.DisposeAsync();
        await using var edge = await EdgeUnderTest.StartAsync();
        await edge.ApplyAsync(Table(1, App("shop", "shop.localhost", ("shop.web.1", url))));

        using var response = await edge.GetAsync("shop.localhost");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
    }

    [Fact]
    public async Task Get_HealthOnEdgeHost_ReportsAppliedTable()
    {
        await using var backend = await TestBackend.StartAsync("shop.web.1");
        await using var edge = await EdgeUnderTest.StartAsync();
        await edge.ApplyAsync(Table(4, App("shop", "shop.localhost", backend)));

        using var response = await edge.GetAsync("_edge", "/healthz");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("ok edge=edge-test version=4 apps=1 backends=1", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_HealthPathOnAppHost_GoesToTheApp()
    {
        await using var backend = await TestBackend.StartAsync("shop.web.1");
        await using var edge = await EdgeUnderTest.StartAsync();
        await edge.ApplyAsync(Table(1, App("shop", "shop.localhost", backend)));

        var body = await edge.GetBodyAsync("shop.localhost", "/healthz");

        Assert.Contains("path=/healthz\n", body, StringComparison.Ordinal);
    }
}
