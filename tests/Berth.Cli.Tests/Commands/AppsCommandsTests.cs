using Berth.Cli.Commands;
using Berth.Cli.Errors;
using Berth.Cli.Tests.Support;
using Berth.Contracts;

namespace Berth.Cli.Tests.Commands;

public sealed class AppsCommandsTests : IDisposable
{
    private readonly CliHarness harness = new();

    public AppsCommandsTests() => harness.LogIn();

    [Fact]
    public async Task Create_ValidName_CreatesAppWithSavedLogin()
    {
        harness.Api.App = new AppInfo { Url = "http://myapp.localhost:8080/", GitUrl = "http://h/git/myapp.git" };

        var exitCode = await harness.RunAsync("apps:create", "myapp");

        Assert.Equal(0, exitCode);
        Assert.Equal(["CreateApp myapp"], harness.Api.Calls);
        Assert.Equal(CliHarness.Token, harness.Factory.Connections.Single().Token);
        Assert.Contains("http://myapp.localhost:8080/", harness.Output.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MyApp")]
    [InlineData("1app")]
    [InlineData("my_app")]
    [InlineData("app-")]
    public async Task Create_InvalidName_FailsBeforeAnyCall(string name)
    {
        var exitCode = await harness.RunAsync("apps:create", name);

        Assert.Equal(1, exitCode);
        Assert.Contains("is not a valid app name", harness.Output.Errors.Single(), StringComparison.Ordinal);
        Assert.Empty(harness.Factory.Connections);
    }

    [Fact]
    public async Task Create_NotLoggedIn_SaysHowToLogIn()
    {
        File.Delete(harness.ConfigPath);

        var exitCode = await harness.RunAsync("apps:create", "myapp");

        Assert.Equal(1, exitCode);
        Assert.Equal(["not logged in; run berth login URL --token-file FILE"], harness.Output.Errors);
    }

    [Fact]
    public async Task List_Apps_WritesTableSortedByName()
    {
        harness.Api.Apps = new ListAppsResponse
        {
            Apps =
            {
                new AppInfo { Name = "zeta", CurrentRelease = 0, Url = "http://zeta/" },
                new AppInfo { Name = "alpha", CurrentRelease = 3, RunningInstances = 2, Url = "http://alpha/" },
            },
        };

        await harness.RunAsync("apps:list");

        var table = harness.Output.Tables.Single();
        Assert.Equal(["name", "release", "instances", "url"], table.Columns);
        Assert.Equal(["alpha", "v3", "2", "http://alpha/"], table.Rows[0]);
        Assert.Equal(["zeta", "none", "0", "http://zeta/"], table.Rows[1]);
    }

    [Fact]
    public async Task List_NoApps_SaysHowToCreateOne()
    {
        await harness.RunAsync("apps:list");

        Assert.Empty(harness.Output.Tables);
        Assert.Contains("apps:create", harness.Output.Lines.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_App_WritesEveryField()
    {
        harness.Api.App = new AppInfo
        {
            Name = "myapp",
            CreatedAt = "2025-01-02T03:04:05Z",
            Url = "http://myapp.localhost:8080/",
            Domains = { "www.example.com" },
            CurrentRelease = 4,
            Formation = { ["web"] = 2, ["worker"] = 1 },
            RunningInstances = 3,
            GitUrl = "http://127.0.0.1:7001/git/myapp.git",
        };

        await harness.RunAsync("apps:info", "myapp");

        var text = harness.Output.StandardOutput;
        Assert.Equal(["GetApp myapp"], harness.Api.Calls);
        Assert.Contains("2025-01-02T03:04:05Z", text, StringComparison.Ordinal);
        Assert.Contains("www.example.com", text, StringComparison.Ordinal);
        Assert.Contains("v4", text, StringComparison.Ordinal);
        Assert.Contains("web=2 worker=1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Destroy_WithoutForce_ExplainsAndCallsNothing()
    {
        var exitCode = await harness.RunAsync("apps:destroy", "myapp");

        Assert.Equal(1, exitCode);
        Assert.Equal([AppsCommands.DestroyNeedsForce("myapp")], harness.Output.Errors);
        Assert.Contains("releases, config and instances", harness.Output.Errors[0], StringComparison.Ordinal);
        Assert.Contains("--force", harness.Output.Errors[0], StringComparison.Ordinal);
        Assert.Empty(harness.Factory.Connections);
    }

    [Fact]
    public async Task Destroy_WithForce_DestroysApp()
    {
        var exitCode = await harness.RunAsync("apps:destroy", "myapp", "--force");

        Assert.Equal(0, exitCode);
        Assert.Equal(["DestroyApp myapp"], harness.Api.Calls);
    }

    [Fact]
    public async Task Destroy_ServerSaysNotFound_PrintsDetail()
    {
        harness.Api.Failure = new Grpc.Core.RpcException(
            new Grpc.Core.Status(Grpc.Core.StatusCode.NotFound, "app 'myapp' does not exist"));

        var exitCode = await harness.RunAsync("apps:destroy", "myapp", "--force");

        Assert.Equal(1, exitCode);
        Assert.Equal(["app 'myapp' does not exist"], harness.Output.Errors);
        Assert.Empty(harness.Output.Diagnostics);
    }

    [Fact]
    public async Task Destroy_ServerFailsWithVerbose_PrintsStackTrace()
    {
        harness.Api.Failure = new CliException("boom");

        var exitCode = await harness.RunAsync("apps:destroy", "myapp", "--force", "--verbose");

        Assert.Equal(1, exitCode);
        Assert.Equal(["boom"], harness.Output.Errors);
        Assert.Contains("   at ", harness.Output.Diagnostics.Single(), StringComparison.Ordinal);
    }

    public void Dispose() => harness.Dispose();
}
