using Berth.Contracts;
using Berth.IntegrationTests.Fixtures;

namespace Berth.IntegrationTests;

/// <summary>Config vars, domains and destroying an app, on a deployed app.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AppLifecycleTests(ClusterFixture cluster)
{
    [Fact]
    public async Task ConfigSetAndUnset_ReachTheRunningApp()
    {
        const string app = "configured";
        using var repository = await DeployAsync(app);

        (await cluster.BerthAsync("config:set", app, "GREETING=hello")).EnsureSuccess("config:set");
        Assert.Contains("greeting=hello", (await cluster.GetThroughEdgeAsync($"{app}.localhost")).Body);
        var show = (await cluster.BerthAsync("config:show", app)).EnsureSuccess("config:show");
        Assert.Contains("GREETING", show.Output);

        (await cluster.BerthAsync("config:unset", app, "GREETING")).EnsureSuccess("config:unset");
        Assert.Contains("greeting=\n", (await cluster.GetThroughEdgeAsync($"{app}.localhost")).Body + "\n");
        Assert.Empty((await cluster.Apps.GetConfigAsync(new AppRequest { App = app })).Values);
    }

    [Fact]
    public async Task DomainsAddAndRemove_EdgeRoutesTheDomainOnlyWhileAdded()
    {
        const string app = "domained";
        using var repository = await DeployAsync(app);

        (await cluster.BerthAsync("domains:add", app, "www.example.test")).EnsureSuccess("domains:add");
        Assert.True(await ClusterFixture.EventuallyAsync(
            async () => (await cluster.GetThroughEdgeAsync("www.example.test")).Status == 200,
            TimeSpan.FromSeconds(20)));
        Assert.Contains("www.example.test", (await cluster.BerthAsync("domains:report", app)).Output);

        (await cluster.BerthAsync("domains:remove", app, "www.example.test")).EnsureSuccess("domains:remove");
        Assert.True(await ClusterFixture.EventuallyAsync(
            async () => (await cluster.GetThroughEdgeAsync("www.example.test")).Status == 404,
            TimeSpan.FromSeconds(20)));
        var (_, body) = await cluster.GetThroughEdgeAsync("www.example.test");
        Assert.Contains("No app has the domain", body);
    }

    [Fact]
    public async Task AppsDestroy_RequiresForce_ThenRemovesEverything()
    {
        const string app = "doomed";
        using var repository = await DeployAsync(app);

        var refused = await cluster.BerthAsync("apps:destroy", app);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("--force", refused.Error);
        Assert.Equal(200, (await cluster.GetThroughEdgeAsync($"{app}.localhost")).Status);

        (await cluster.BerthAsync("apps:destroy", app, "--force")).EnsureSuccess("apps:destroy");
        Assert.DoesNotContain(
            (await cluster.Apps.ListAppsAsync(new ListAppsRequest())).Apps,
            a => a.Name == app);
        Assert.True(await ClusterFixture.EventuallyAsync(
            async () => (await cluster.GetThroughEdgeAsync($"{app}.localhost")).Status == 404,
            TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task InfoCommands_DescribeTheClusterAndTheApp()
    {
        const string app = "described";
        using var repository = await DeployAsync(app);

        var ps = (await cluster.BerthAsync("ps", app)).EnsureSuccess("ps");
        Assert.Contains($"{app}.web.1", ps.Output);
        Assert.Contains("running", ps.Output);
        var info = (await cluster.BerthAsync("apps:info", app)).EnsureSuccess("apps:info");
        Assert.Contains($"{app}.localhost", info.Output);
        Assert.Contains(app, (await cluster.BerthAsync("apps:list")).EnsureSuccess("apps:list").Output);
        var nodes = (await cluster.BerthAsync("nodes:list")).EnsureSuccess("nodes:list");
        Assert.Contains("node-1", nodes.Output);
        Assert.Contains("ready", nodes.Output);
    }

    private async Task<AppRepository> DeployAsync(string app)
    {
        (await cluster.BerthAsync("apps:create", app)).EnsureSuccess("apps:create");
        var repository = await AppRepository.CreateAsync(cluster, app);
        (await cluster.BerthInAsync(repository.Directory, "git:remote", app)).EnsureSuccess("git:remote");
        var push = await repository.PushAsync();
        Assert.True(push.ExitCode == 0, push.All);
        return repository;
    }
}
