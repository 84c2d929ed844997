using System.Net;
using Berth.Contracts;
using Berth.Edge.Hosting;
using Berth.Edge.Options;
using Berth.Edge.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Berth.Edge.Tests.Support;

/// <summary>The edge's web application started in-process on 127.0.0.1 with an ephemeral port.</summary>
internal sealed class EdgeUnderTest : IAsyncDisposable
{
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    private readonly WebApplication _app;
    private readonly HttpClient _client;

    private EdgeUnderTest(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        _client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = RequestTimeout };
    }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    public static EdgeOptions Options(Uri? controlPlane = null) => new(
        controlPlane ?? new Uri("http://127.0.0.1:9"),
        new TokenSource(null, "test-token"),
        new IPEndPoint(IPAddress.Loopback, 0),
        "edge-test");

    /// <summary>Starts an edge without a route stream; feed it tables with <see cref="ApplyAsync"/>.</summary>
    public static Task<EdgeUnderTest> StartAsync() => StartAsync(EdgeServer.CreateBuilder(Options()));

    /// <summary>Starts an edge from a prepared builder (e.g. with the route stream added).</summary>
    public static async Task<EdgeUnderTest> StartAsync(WebApplicationBuilder builder)
    {
        var app = EdgeServer.Build(builder);
        await app.StartAsync();

        return new EdgeUnderTest(app, new Uri(EdgeServer.BoundAddresses(app).Single()));
    }

    public async Task ApplyAsync(RouteTable table)
    {
        using var timeout = new CancellationTokenSource(RequestTimeout);
        var applied = await Services.GetRequiredService<RouteTableApplier>().ApplyAsync(table, timeout.Token);

        Assert.True(applied, $"route table {table.Version} was not confirmed live");
    }

    public Task<HttpResponseMessage> GetAsync(string host, string path = "/", Version? version = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Address, path))
        {
            Version = version ?? HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.Host = host;

        return _client.SendAsync(request);
    }

    public async Task<string> GetBodyAsync(string host, string path = "/")
    {
        using var response = await GetAsync(host, path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} from {host}{path}: {body}");
        return body;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
