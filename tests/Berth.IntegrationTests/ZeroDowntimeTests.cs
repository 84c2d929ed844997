using Berth.Contracts;
using Berth.IntegrationTests.Fixtures;

namespace Berth.IntegrationTests;

/// <summary>
/// The zero-downtime promise under load: while a new release rolls across the 3 nodes, or fails
/// its startup check, a bounded load loop through the edge sees no failed request.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ZeroDowntimeTests(ClusterFixture cluster)
{
    private const int WebInstances = 6;
    private const int Concurrency = 8;

    /// <summary>Six web instances, two replaced at a time, each checked over HTTP before it serves.</summary>
    private const string AppJson = """
        {
          "formation": { "web": { "quantity": 6, "max_parallel": 2 } },
          "healthchecks": {
            "web": [
              { "type": "startup", "name": "home page", "path": "/", "content": "greeting=",
                "attempts": 20, "wait": 1, "timeout": 2 }
            ]
          }
        }
        """;

    /// <summary>The same, with a check of a page the app does not have.</summary>
    private const string FailingAppJson = """
        {
          "formation": { "web": { "quantity": 6, "max_parallel": 2 } },
          "healthchecks": {
            "web": [
              { "type": "startup", "name": "status page", "path": "/status", "attempts": 2, "wait": 1, "timeout": 2 }
            ]
          }
        }
        """;

    [Fact]
    public async Task Deploy_UnderLoadAcrossThreeNodes_NoRequestFailsAndAnswersSwitchToTheNewRelease()
    {
        const string app = "marathon";
        using var repository = await DeployFirstReleaseAsync(app);
        var nodes = (await cluster.Apps.ListInstancesAsync(new AppRequest { App = app })).Instances
            .Select(i => i.Node)
            .Distinct()
            .Count();
        Assert.Equal(ClusterFixture.NodeCount, nodes);

        await repository.CommitDockerfileAsync(AppRepository.WebDockerfile("two"), "serve two");
        await using var load = EdgeLoad.Start(ClusterFixture.EdgePort, $"{app}.localhost", Concurrency);
        await load.WaitForAnswersAsync(200);
        var push = await repository.PushAsync();
        await load.WaitForAnswersAsync(200);
        await load.StopAsync();

        Assert.True(push.ExitCode == 0, push.All);
        Assert.True(load.Failed == 0, $"{load.Failed} of {load.Sent} requests failed:\n" +
            string.Join("\n", load.Failures));
        var marks = load.Marks();
        Assert.Equal("one", marks[0]);
        Assert.Equal("two", marks[^1]);
        Assert.Equal(["one", "two"], marks.Distinct().Order().ToArray());

        // The first answers after the push returned may come from requests the old release had in flight.
        Assert.True(
            marks.Skip(marks.Count - 150).All(m => m == "two"),
            "the old release still answered after the deployment finished");

        var instances = (await cluster.Apps.ListInstancesAsync(new AppRequest { App = app })).Instances;
        Assert.Equal(WebInstances, instances.Count);
        Assert.All(instances, i => Assert.Equal((2, "running"), (i.Release, i.State)));
    }

    [Fact]
    public async Task Deploy_FailingStartupCheck_NoRequestFailsAndTheOldReleaseKeepsServing()
    {
        const string app = "sentinel";
        using var repository = await DeployFirstReleaseAsync(app);

        await repository.CommitFileAsync("app.json", FailingAppJson, "check a page that does not exist");
        await repository.CommitDockerfileAsync(AppRepository.WebDockerfile("two"), "serve two");
        await using var load = EdgeLoad.Start(ClusterFixture.EdgePort, $"{app}.localhost", Concurrency);
        await load.WaitForAnswersAsync(200);
        var push = await repository.PushAsync();
        await load.WaitForAnswersAsync(200);
        await load.StopAsync();

        Assert.True(push.ExitCode != 0, $"the push with a failing check was accepted:\n{push.All}");
        Assert.Contains("startup check 'status page' failed", push.Error);
        Assert.Contains("last log lines:", push.Error);
        Assert.Contains("booting two", push.Error);
        Assert.Contains("v1 keeps serving", push.Error);
        Assert.True(load.Failed == 0, $"{load.Failed} of {load.Sent} requests failed:\n" +
            string.Join("\n", load.Failures));
        Assert.Equal(["one"], load.Marks().Distinct().ToArray());

        var releases = await cluster.Apps.ListReleasesAsync(new AppRequest { App = app });
        Assert.Equal(1, releases.CurrentRelease);
        Assert.Equal("failed", releases.Releases.Single(r => r.Version == 2).State);
        Assert.True(
            await ClusterFixture.EventuallyAsync(
                async () => (await cluster.Apps.ListInstancesAsync(new AppRequest { App = app })).Instances
                    .All(i => i.Release == 1),
                TimeSpan.FromSeconds(60)),
            "instances of the failed release are still listed");
    }

    /// <summary>Creates the app and pushes release "one" with <see cref="AppJson"/>; six instances run.</summary>
    private async Task<AppRepository> DeployFirstReleaseAsync(string app)
    {
        (await cluster.BerthAsync("apps:create", app)).EnsureSuccess("apps:create");
        var repository = await AppRepository.CreateAsync(cluster, "one");
        await repository.CommitFileAsync("app.json", AppJson, "six checked web instances");
        (await cluster.BerthInAsync(repository.Directory, "git:remote", app)).EnsureSuccess("git:remote");
        var first = await repository.PushAsync();
        Assert.True(first.ExitCode == 0, first.All);
        Assert.StartsWith("one ", (await cluster.GetThroughEdgeAsync($"{app}.localhost")).Body);
        return repository;
    }
}
