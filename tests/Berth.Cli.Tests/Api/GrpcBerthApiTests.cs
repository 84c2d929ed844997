using System.Net;
using System.Net.Sockets;
using Berth.Cli.Api;
using Berth.Cli.Configuration;
using Berth.Cli.Errors;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Berth.Cli.Tests.Api;

/// <summary>The real gRPC client against an in-process h2c server: token header, maps, status codes.</summary>
public sealed class GrpcBerthApiTests : IAsyncLifetime
{
    private readonly GrpcBerthApiFactory factory = new(TimeProvider.System, TimeSpan.FromSeconds(10), "alice@laptop");
    private WebApplication? server;
    private string url = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();

        server = builder.Build();
        server.MapGrpcService<RecordingClusterService>();
        server.MapGrpcService<RecordingAppsService>();
        await server.StartAsync();

        url = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single();
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task GetClusterInfo_PlainHttp_SendsBearerTokenAndActor()
    {
        using var api = factory.Create(new ServerSettings(url, RecordingClusterService.AcceptedToken));

        var info = await api.GetClusterInfoAsync(CancellationToken.None);

        Assert.Equal("http://127.0.0.1:7001/git", info.GitBaseUrl);
        lock (RecordingClusterService.Authorizations)
        {
            Assert.Contains($"Bearer {RecordingClusterService.AcceptedToken}", RecordingClusterService.Authorizations);
            Assert.Contains("alice@laptop", RecordingClusterService.Actors);
        }
    }

    [Fact]
    public async Task GetClusterInfo_WrongToken_MapsToLoginAgain()
    {
        using var api = factory.Create(new ServerSettings(url, "wrong"));

        var exception = await Assert.ThrowsAsync<RpcException>(() => api.GetClusterInfoAsync(CancellationToken.None));

        Assert.Equal(StatusCode.Unauthenticated, exception.StatusCode);
        Assert.Equal(ErrorMessages.TokenRefused, ErrorMessages.DescribeRpc(exception, url));
    }

    [Fact]
    public async Task SetConfigAndScale_Maps_ReachServer()
    {
        using var api = factory.Create(new ServerSettings(url, RecordingClusterService.AcceptedToken));

        var config = await api.SetConfigAsync("myapp", new Dictionary<string, string> { ["A"] = "1" }, false, default);
        var scale = await api.ScaleAsync("myapp", new Dictionary<string, int> { ["web"] = 3 }, default);

        Assert.Equal("1", config.Values["A"]);
        Assert.Equal(3, scale.Formation["web"]);
    }

    [Fact]
    public async Task SetProcessOptions_Request_ReachesServerWhole()
    {
        using var api = factory.Create(new ServerSettings(url, RecordingClusterService.AcceptedToken));
        var request = new Contracts.SetProcessOptionsRequest
        {
            App = "myapp",
            Process = "web",
            Memory = "256m",
            SetConstraints = true,
            MaxParallel = 2,
            Constraints = { "zone=a" },
        };

        var report = await api.SetProcessOptionsAsync(request, default);

        var process = report.Processes.Single();
        Assert.Equal(("myapp", "web", 2), (report.App, process.Process, process.MaxParallel));
        Assert.Equal("memory=256m set_constraints=True", process.Command);
        Assert.Equal("a", process.Constraints["zone"]);
    }

    [Theory]
    [InlineData(null, "process ''")]
    [InlineData("worker", "process 'worker'")]
    public async Task RestartApp_Process_SentEmptyForAll(string? process, string echoed)
    {
        using var api = factory.Create(new ServerSettings(url, RecordingClusterService.AcceptedToken));

        var report = await api.RestartAppAsync("myapp", process, default);

        Assert.Equal([echoed], report.Unplaced);
    }

    [Fact]
    public async Task RollbackAndGetRelease_Version_ReachesServer()
    {
        using var api = factory.Create(new ServerSettings(url, RecordingClusterService.AcceptedToken));

        var rollback = await api.RollbackAsync("myapp", 2, default);
        var release = await api.GetReleaseAsync("myapp", 5, default);

        Assert.Equal(("myapp", 2), (rollback.App, rollback.Target));
        Assert.Equal(("myapp", 5), (release.App, release.Version));
    }

    [Fact]
    public async Task LabelNode_SetAndRemove_ReachServer()
    {
        using var api = factory.Create(new ServerSettings(url, RecordingClusterService.AcceptedToken));

        var node = await api.LabelNodeAsync(
            "node-1",
            new Dictionary<string, string> { ["zone"] = "a" },
            ["gpu"],
            default);

        Assert.Equal("node-1", node.Name);
        Assert.Equal(new Dictionary<string, string> { ["gpu"] = "removed", ["zone"] = "a" }, node.Labels);
    }

    [Fact]
    public async Task GetApp_NotFound_CarriesServerDetail()
    {
        using var api = factory.Create(new ServerSettings(url, RecordingClusterService.AcceptedToken));

        var exception = await Assert.ThrowsAsync<RpcException>(() => api.GetAppAsync("ghost", CancellationToken.None));

        Assert.Equal("app 'ghost' does not exist", ErrorMessages.DescribeRpc(exception, url));
    }

    [Fact]
    public async Task GetClusterInfo_NothingListening_IsUnavailableWithCause()
    {
        var closedUrl = $"http://127.0.0.1:{FreePort()}";
        using var api = factory.Create(new ServerSettings(closedUrl, "token"));

        var exception = await Assert.ThrowsAsync<RpcException>(() => api.GetClusterInfoAsync(CancellationToken.None));

        Assert.Equal(StatusCode.Unavailable, exception.StatusCode);
        Assert.StartsWith(
            $"cannot reach the control plane at {closedUrl}: ",
            ErrorMessages.DescribeRpc(exception, closedUrl),
            StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
