using Berth.Contracts;
using Berth.IntegrationTests.Fixtures;
using Grpc.Core;
using Grpc.Net.Client;

namespace Berth.IntegrationTests;

/// <summary>Bad input gets one clear error and leaves nothing behind.</summary>
[Collection(ClusterCollection.Name)]
public sealed class BadInputTests(ClusterFixture cluster)
{
    [Theory]
    [InlineData("Bad_Name")]
    [InlineData("9lives")]
    [InlineData("trailing-")]
    public async Task AppsCreate_InvalidName_OneErrorLineAndNothingCreated(string name)
    {
        var result = await cluster.BerthAsync("apps:create", name);

        Assert.NotEqual(0, result.ExitCode);
        Assert.StartsWith("error:", result.Error.Trim());
        Assert.Contains("lower-case", result.Error);
        Assert.DoesNotContain((await cluster.Apps.ListAppsAsync(new ListAppsRequest())).Apps, a => a.Name == name);
    }

    [Fact]
    public async Task AppsCreate_TakenName_Refused()
    {
        (await cluster.BerthAsync("apps:create", "taken")).EnsureSuccess("apps:create");

        var again = await cluster.BerthAsync("apps:create", "taken");

        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("already exists", again.Error);
    }

    [Fact]
    public async Task PsScaleAndConfigSet_BadArguments_NameTheArgumentAndChangeNothing()
    {
        (await cluster.BerthAsync("apps:create", "strict")).EnsureSuccess("apps:create");

        var scale = await cluster.BerthAsync("ps:scale", "strict", "web=two");
        var badType = await cluster.BerthAsync("ps:scale", "strict", "we!b=1");
        var config = await cluster.BerthAsync("config:set", "strict", "NOEQUALS");

        Assert.NotEqual(0, scale.ExitCode);
        Assert.Contains("web=two", scale.Error);
        Assert.NotEqual(0, badType.ExitCode);
        Assert.Contains("we!b", badType.Error);
        Assert.NotEqual(0, config.ExitCode);
        Assert.Contains("NOEQUALS", config.Error);
        var app = await cluster.Apps.GetAppAsync(new AppRequest { App = "strict" });
        Assert.Empty(app.Formation);
        Assert.Empty((await cluster.Apps.GetConfigAsync(new AppRequest { App = "strict" })).Values);
    }

    [Fact]
    public async Task GitPush_UnknownApp_RefusedWithReason()
    {
        using var repository = await AppRepository.CreateAsync(cluster, "orphan");
        (await cluster.BerthInAsync(repository.Directory, "git:remote", "nosuchapp")).EnsureSuccess("git:remote");

        var push = await repository.PushAsync();

        Assert.NotEqual(0, push.ExitCode);
        Assert.Contains("no app named 'nosuchapp'", push.All);
    }

    [Fact]
    public async Task GitPush_WrongToken_RefusedAsUnauthenticated()
    {
        (await cluster.BerthAsync("apps:create", "guarded")).EnsureSuccess("apps:create");
        using var repository = await AppRepository.CreateAsync(cluster, "intruder");
        var info = await cluster.Cluster.GetClusterInfoAsync(new ClusterInfoRequest());
        var url = info.GitBaseUrl.Replace("http://", "http://berth:wrong-token@", StringComparison.Ordinal);

        var push = await cluster.GitAsync(repository.Directory, "push", $"{url}/guarded.git", "main");

        Assert.NotEqual(0, push.ExitCode);
        Assert.Contains("Authentication failed", push.All);
        Assert.Equal(0, (await cluster.Apps.GetAppAsync(new AppRequest { App = "guarded" })).CurrentRelease);
    }

    [Fact]
    public async Task Api_WrongOrMissingToken_Unauthenticated()
    {
        using var channel = GrpcChannel.ForAddress("http://127.0.0.1:17100");
        var client = new Apps.AppsClient(channel);

        var missing = await Assert.ThrowsAsync<RpcException>(
            async () => await client.ListAppsAsync(new ListAppsRequest()));
        var wrong = await Assert.ThrowsAsync<RpcException>(async () => await client.ListAppsAsync(
            new ListAppsRequest(),
            new Metadata { { "authorization", "Bearer wrong-token" } }));

        Assert.Equal(StatusCode.Unauthenticated, missing.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, wrong.StatusCode);
    }

    [Fact]
    public async Task Cli_WrongToken_SaysToLogInAgain()
    {
        var environment = new Dictionary<string, string>(cluster.CliEnvironment) { ["BERTH_TOKEN"] = "wrong-token" };

        var result = await Command.RunAsync(
            cluster.CliPath,
            ["apps:list"],
            TimeSpan.FromMinutes(1),
            environment: environment);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("berth login", result.Error);
    }
}
