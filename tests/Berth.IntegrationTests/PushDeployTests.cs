using Berth.Contracts;
using Berth.IntegrationTests.Fixtures;

namespace Berth.IntegrationTests;

/// <summary>git push to deploy, scale across nodes, and a failing build that changes nothing.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PushDeployTests(ClusterFixture cluster)
{
    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task GitPush_ThenScale_EdgeAnswersFromMoreThanOneNode()
    {
        const string app = "spread";
        using var repository = await CreateDeployedAppAsync(app, "first");

        var (status, body) = await cluster.GetThroughEdgeAsync($"{app}.localhost");
        Assert.Equal(200, status);
        Assert.StartsWith("first web.1 on node-", body);

        (await cluster.BerthAsync("ps:scale", app, "web=4")).EnsureSuccess("ps:scale");
        var running = await ClusterFixture.EventuallyAsync(
            async () => (await InstancesAsync(app)).Count(i => i.State == "running") == 4,
            Settle);
        Assert.True(running, "four web instances were not running in time");
        Assert.True((await InstancesAsync(app)).Select(i => i.Node).Distinct().Count() >= 2);

        var nodesSeen = new HashSet<string>();
        await ClusterFixture.EventuallyAsync(
            async () =>
            {
                var answer = await cluster.GetThroughEdgeAsync($"{app}.localhost");
                if (answer.Status == 200)
                {
                    nodesSeen.Add(answer.Body.Trim().Split(' ')[3]);
                }

                return nodesSeen.Count >= 2;
            },
            TimeSpan.FromSeconds(30));
        Assert.True(nodesSeen.Count >= 2, $"only {string.Join(", ", nodesSeen)} answered through the edge");
    }

    [Fact]
    public async Task GitPush_FailingBuild_PreviousReleaseKeepsServing()
    {
        const string app = "steady";
        using var repository = await CreateDeployedAppAsync(app, "good");

        await repository.CommitDockerfileAsync(
            "FROM berth-base/busybox:1\nRUN echo breaking-on-purpose && false\n",
            "break the build");
        var push = await repository.PushAsync();

        Assert.NotEqual(0, push.ExitCode);
        Assert.Contains("remote:", push.All);
        Assert.Contains("breaking-on-purpose", push.All);
        Assert.Contains("the build failed", push.All);
        Assert.Equal(1, (await cluster.Apps.GetAppAsync(new AppRequest { App = app })).CurrentRelease);
        var (status, body) = await cluster.GetThroughEdgeAsync($"{app}.localhost");
        Assert.Equal(200, status);
        Assert.StartsWith("good ", body);
    }

    [Fact]
    public async Task GitPush_WithoutDockerfile_IsRefusedAndPreviousReleaseServes()
    {
        const string app = "nodockerfile";
        using var repository = await CreateDeployedAppAsync(app, "kept");

        await repository.CommitDockerfileAsync(null, "remove the Dockerfile");
        var push = await repository.PushAsync();

        Assert.NotEqual(0, push.ExitCode);
        Assert.Contains("remote:", push.All);
        Assert.Contains("no Dockerfile", push.All);
        Assert.Equal(1, (await cluster.Apps.GetAppAsync(new AppRequest { App = app })).CurrentRelease);
        Assert.StartsWith("kept ", (await cluster.GetThroughEdgeAsync($"{app}.localhost")).Body);
    }

    [Fact]
    public async Task GitPush_NewCommit_RollsToNewRelease()
    {
        const string app = "rolling";
        using var repository = await CreateDeployedAppAsync(app, "one");

        await repository.CommitDockerfileAsync(AppRepository.WebDockerfile("two"), "serve two");
        var push = await repository.PushAsync();

        Assert.True(push.ExitCode == 0, push.All);
        Assert.Contains($"{app} v2 deployed", push.All);
        Assert.StartsWith("two ", (await cluster.GetThroughEdgeAsync($"{app}.localhost")).Body);
        var instances = await InstancesAsync(app);
        Assert.All(instances, i => Assert.Equal(2, i.Release));
    }

    private async Task<AppRepository> CreateDeployedAppAsync(string app, string mark)
    {
        (await cluster.BerthAsync("apps:create", app)).EnsureSuccess("apps:create");
        var repository = await AppRepository.CreateAsync(cluster, mark);
        (await cluster.BerthInAsync(repository.Directory, "git:remote", app)).EnsureSuccess("git:remote");

        var push = await repository.PushAsync();
        Assert.True(push.ExitCode == 0, push.All);
        Assert.Contains("remote:", push.All);
        Assert.Contains($"http://{app}.localhost:{ClusterFixture.EdgePort}/", push.All);
        return repository;
    }

    private async Task<IReadOnlyList<InstanceInfo>> InstancesAsync(string app) =>
        (await cluster.Apps.ListInstancesAsync(new AppRequest { App = app })).Instances;
}
