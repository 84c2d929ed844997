using System.Text.Json;
using Berth.Contracts;
using Berth.IntegrationTests.Fixtures;

namespace Berth.IntegrationTests;

/// <summary>releases, releases:info and releases:rollback on a real cluster, through the CLI and the edge.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ReleasesTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Rollback_AfterTwoPushes_NewReleaseServesTheFirstAndBadTargetsChangeNothing()
    {
        const string app = "rewind";
        using var repository = await PushTwoReleasesAsync(app);

        var list = (await cluster.BerthAsync("releases", app)).EnsureSuccess("releases");
        Assert.Contains("v2 (current)", list.Output);
        Assert.Contains("deploy ", list.Output);
        Assert.True(
            list.Output.IndexOf("v2 (current)", StringComparison.Ordinal) <
            list.Output.IndexOf("v1", StringComparison.Ordinal),
            $"the releases are not newest first:\n{list.Output}");
        Assert.Equal([(2, "deployed"), (1, "deployed")], await ReleasesAsync(app));

        await AssertRefusedAsync(app, "v2", "already the current release");
        await AssertRefusedAsync(app, "v9", "has no release v9");
        await AssertRefusedAsync(app, "two", "is not a release version");
        Assert.Equal([(2, "deployed"), (1, "deployed")], await ReleasesAsync(app));
        Assert.StartsWith("two ", (await cluster.GetThroughEdgeAsync($"{app}.localhost")).Body);

        var (rollback, requests, failedRequests) = await WhileProbingAsync(
            app,
            () => cluster.BerthAsync("releases:rollback", app));
        rollback.EnsureSuccess("releases:rollback");
        Assert.Contains("Rolled rewind back to v1: v3", rollback.Output);
        Assert.True(requests > 0, "no request reached the edge during the rollback");
        Assert.Equal(0, failedRequests);
        Assert.DoesNotContain("warning", rollback.Error);
        Assert.StartsWith("one ", (await cluster.GetThroughEdgeAsync($"{app}.localhost")).Body);
        Assert.Equal(3, (await cluster.Apps.GetAppAsync(new AppRequest { App = app })).CurrentRelease);
        Assert.All(
            (await cluster.Apps.ListInstancesAsync(new AppRequest { App = app })).Instances,
            i => Assert.Equal(3, i.Release));

        var info = (await cluster.BerthAsync("releases:info", app, "3")).EnsureSuccess("releases:info");
        Assert.Contains("v3 (current)", info.Output);
        Assert.Contains("rollback to v1", info.Output);
        var (v1, v3) = (await ReleaseAsync(app, 1), await ReleaseAsync(app, 3));
        Assert.Equal((v1.Image, v1.Digest, v1.GitRevision), (v3.Image, v3.Digest, v3.GitRevision));
        Assert.Equal(v1.ConfigVersion, v3.ConfigVersion);
        var actor = $"{Environment.UserName}@{Environment.MachineName}";
        Assert.Equal((actor, actor), (v1.CreatedBy, v3.CreatedBy)); // a git push, then a CLI call
        Assert.Contains($"Created by:     {actor}", info.Output);

        await repository.CommitDockerfileAsync(
            "FROM berth-base/busybox:1\nCMD [\"sh\", \"-c\", \"exit 1\"]\n",
            "a release that cannot start");
        Assert.NotEqual(0, (await repository.PushAsync()).ExitCode);
        Assert.Equal((4, "failed"), (await ReleasesAsync(app))[0]);
        await AssertRefusedAsync(app, "v4", "failed to deploy");
        Assert.Equal(3, (await cluster.Apps.GetAppAsync(new AppRequest { App = app })).CurrentRelease);
        Assert.Equal(4, (await ReleasesAsync(app)).Count);
        Assert.StartsWith("one ", (await cluster.GetThroughEdgeAsync($"{app}.localhost")).Body);
    }

    [Fact]
    public async Task Releases_AppWithoutReleases_SayHowToDeployAndRollbackIsRefused()
    {
        const string app = "unreleased";
        (await cluster.BerthAsync("apps:create", app)).EnsureSuccess("apps:create");

        var list = (await cluster.BerthAsync("releases", app)).EnsureSuccess("releases");
        Assert.Contains("has no releases yet", list.Output);

        await AssertRefusedAsync(app, null, "deploy it first");
        Assert.Empty(await ReleasesAsync(app));

        var unknown = await cluster.BerthAsync("releases", "no-such-app");
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("no app named 'no-such-app'", unknown.Error);
    }

    private async Task<AppRepository> PushTwoReleasesAsync(string app)
    {
        (await cluster.BerthAsync("apps:create", app)).EnsureSuccess("apps:create");
        var repository = await AppRepository.CreateAsync(cluster, "one");
        (await cluster.BerthInAsync(repository.Directory, "git:remote", app)).EnsureSuccess("git:remote");
        var first = await repository.PushAsync();
        Assert.True(first.ExitCode == 0, first.All);

        await repository.CommitDockerfileAsync(AppRepository.WebDockerfile("two"), "serve two");
        var second = await repository.PushAsync();
        Assert.True(second.ExitCode == 0, second.All);
        Assert.StartsWith("two ", (await cluster.GetThroughEdgeAsync($"{app}.localhost")).Body);
        return repository;
    }

    /// <summary>Runs a rollback that must be refused with <paramref name="reason"/>; checks nothing changed.</summary>
    private async Task AssertRefusedAsync(string app, string? version, string reason)
    {
        var before = await ReleasesAsync(app);
        var current = (await cluster.Apps.GetAppAsync(new AppRequest { App = app })).CurrentRelease;

        var refused = version is null
            ? await cluster.BerthAsync("releases:rollback", app)
            : await cluster.BerthAsync("releases:rollback", app, version);

        Assert.True(refused.ExitCode != 0, $"releases:rollback {version} was not refused:\n{refused.All}");
        Assert.Contains(reason, refused.Error);
        Assert.Equal(before, await ReleasesAsync(app));
        Assert.Equal(current, (await cluster.Apps.GetAppAsync(new AppRequest { App = app })).CurrentRelease);
    }

    /// <summary>The app's releases from `berth releases --format json`: version and state, newest first.</summary>
    private async Task<List<(int Version, string State)>> ReleasesAsync(string app)
    {
        var json = (await cluster.BerthAsync("releases", app, "--format", "json"))
            .EnsureSuccess("releases --format json");
        using var document = JsonDocument.Parse(json.Output);
        return document.RootElement.EnumerateArray()
            .Select(r => (r.GetProperty("version").GetInt32(), r.GetProperty("state").GetString()!))
            .ToList();
    }

    private async Task<ReleaseInfo> ReleaseAsync(string app, int version) =>
        await cluster.Apps.GetReleaseAsync(new ReleaseRequest { App = app, Version = version });

    /// <summary>Runs <paramref name="action"/> while requesting the app through the edge; counts requests.</summary>
    private async Task<(CommandResult Result, int Requests, int Failed)> WhileProbingAsync(
        string app,
        Func<Task<CommandResult>> action)
    {
        using var stop = new CancellationTokenSource();
        var (requests, failed) = (0, 0);
        var probe = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                requests++;
                try
                {
                    if ((await cluster.GetThroughEdgeAsync($"{app}.localhost")).Status != 200)
                    {
                        failed++;
                    }
                }
                catch (HttpRequestException)
                {
                    failed++;
                }

                await Task.Delay(50, CancellationToken.None);
            }
        });

        var result = await action();
        await stop.CancelAsync();
        await probe;
        return (result, requests, failed);
    }
}
