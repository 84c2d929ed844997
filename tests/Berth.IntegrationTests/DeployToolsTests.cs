using Berth.Contracts;
using Berth.IntegrationTests.Fixtures;

namespace Berth.IntegrationTests;

/// <summary>
/// The deploy tools around a release on a real cluster: deploy without git (--tar, --image),
/// app.json's predeploy and postdeploy scripts, the checks:* commands, the stop timeout, and the
/// images Berth keeps.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DeployToolsTests(ClusterFixture cluster)
{
    /// <summary>Serves whatever /www/index.html holds; a predeploy script can change it.</summary>
    private const string StaticDockerfile = """
        FROM berth-base/busybox:1
        RUN mkdir -p /www && echo built > /www/index.html
        CMD ["sh", "-c", "exec httpd -f -p \"$PORT\" -h /www"]

        """;

    [Fact]
    public async Task DeployTarAndImage_MakeReleasesWithoutGit_AndBadSourcesChangeNothing()
    {
        const string app = "tarred";
        (await cluster.BerthAsync("apps:create", app)).EnsureSuccess("apps:create");
        var directory = Directory.CreateDirectory(Path.Combine(cluster.StateDirectory, "tar-" + app)).FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "Dockerfile"), AppRepository.WebDockerfile("tarball"));

        var tar = (await cluster.BerthAsync("deploy", app, "--tar", directory)).EnsureSuccess("deploy --tar");
        Assert.Contains("deployed", tar.Output);
        Assert.StartsWith("tarball ", (await cluster.GetThroughEdgeAsync($"{app}.localhost")).Body);
        var v1 = await cluster.Apps.GetReleaseAsync(new ReleaseRequest { App = app, Version = 1 });

        const string copy = "imaged";
        (await cluster.BerthAsync("apps:create", copy)).EnsureSuccess("apps:create");
        var image = (await cluster.BerthAsync("deploy", copy, "--image", v1.Image)).EnsureSuccess("deploy --image");
        Assert.Contains("deployed", image.Output);
        Assert.StartsWith("tarball ", (await cluster.GetThroughEdgeAsync($"{copy}.localhost")).Body);
        Assert.Equal(1, (await cluster.Apps.GetAppAsync(new AppRequest { App = copy })).CurrentRelease);

        var empty = Directory.CreateDirectory(Path.Combine(cluster.StateDirectory, "tar-empty")).FullName;
        await AssertRefusedAsync(app, "Dockerfile", "deploy", app, "--tar", empty);
        await AssertRefusedAsync(app, "does not exist", "deploy", app, "--tar", Path.Combine(empty, "missing"));
        await AssertRefusedAsync(app, "--image", "deploy", app);
        await AssertRefusedAsync(app, "--image", "deploy", app, "--image", v1.Image, "--tar", directory);
        await AssertRefusedAsync(copy, "pull", "deploy", copy, "--image", "127.0.0.1:1/none/such:v9");
        var unknown = await cluster.BerthAsync("deploy", "no-such-app", "--image", v1.Image);
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("no app named 'no-such-app'", unknown.Error);
    }

    [Fact]
    public async Task ProcfileAndAppJsonInTheImagesWorkingDirectory_DefineTheRelease_ForTarAndImage()
    {
        const string app = "workdir";
        (await cluster.BerthAsync("apps:create", app)).EnsureSuccess("apps:create");
        var directory = await ImageFilesTreeAsync(app, "web: httpd -f -p $PORT -h $WWW\nworker: sleep 3600\n");

        var tar = (await cluster.BerthAsync("deploy", app, "--tar", directory)).EnsureSuccess("deploy --tar");
        Assert.Contains("Procfile read from the image's working directory /srv", tar.Error + tar.Output);
        Assert.StartsWith("from the workdir", (await cluster.GetThroughEdgeAsync($"{app}.localhost")).Body);
        await AssertRunningTypesAsync(app);

        const string copy = "workdir-copy";
        (await cluster.BerthAsync("apps:create", copy)).EnsureSuccess("apps:create");
        var image = (await cluster.Apps.GetReleaseAsync(new ReleaseRequest { App = app, Version = 1 })).Image;
        (await cluster.BerthAsync("deploy", copy, "--image", image)).EnsureSuccess("deploy --image");
        await AssertRunningTypesAsync(copy);

        var bad = await ImageFilesTreeAsync("workdir-bad", "web httpd\n");
        const string reason = "in the image's working directory /srv: Procfile line 1";
        await AssertRefusedAsync(app, reason, "deploy", app, "--tar", bad);
        Assert.Equal(["web", "worker"], await RunningTypesAsync(app));
    }

    [Fact]
    public async Task PredeployAndPostdeploy_RunOnceWithTheConfig_AndAFailingPredeployChangesNothing()
    {
        const string app = "scripted";
        (await cluster.BerthAsync("apps:create", app)).EnsureSuccess("apps:create");
        (await cluster.BerthAsync("config:set", app, "GREETING=howdy")).EnsureSuccess("config:set");
        using var repository = await AppRepository.CreateAsync(cluster, "unused");
        await repository.CommitDockerfileAsync(StaticDockerfile, "serve /www");
        await repository.CommitFileAsync("app.json", Scripts("echo \\\"predeployed $GREETING\\\" > /www/index.html",
            "echo postdeploy-$((40+2))"), "scripts");
        (await cluster.BerthInAsync(repository.Directory, "git:remote", app)).EnsureSuccess("git:remote");

        var push = await repository.PushAsync();
        Assert.True(push.ExitCode == 0, push.All);
        Assert.Contains("predeploy", push.Error);
        Assert.Single(Occurrences(push.Error, "postdeploy-42"));
        Assert.StartsWith("predeployed howdy", (await cluster.GetThroughEdgeAsync($"{app}.localhost")).Body);

        await repository.CommitFileAsync("app.json", Scripts("echo breaking && exit 4", "true"), "failing predeploy");
        var failed = await repository.PushAsync();
        Assert.True(failed.ExitCode != 0, $"a push with a failing predeploy was accepted:\n{failed.All}");
        Assert.Contains("the predeploy script failed", failed.Error);
        Assert.Contains("breaking", failed.Error);
        Assert.Equal(1, (await cluster.Apps.GetAppAsync(new AppRequest { App = app })).CurrentRelease);
        Assert.All(
            (await cluster.Apps.ListInstancesAsync(new AppRequest { App = app })).Instances,
            i => Assert.Equal(1, i.Release));
        Assert.StartsWith("predeployed howdy", (await cluster.GetThroughEdgeAsync($"{app}.localhost")).Body);
    }

    [Fact]
    public async Task ChecksCommandsAndStopTimeout_AreReportedAndReachTheContainers()
    {
        const string app = "checked";
        (await cluster.BerthAsync("apps:create", app)).EnsureSuccess("apps:create");
        var before = await cluster.BerthAsync("checks:skip", app);
        Assert.NotEqual(0, before.ExitCode);
        using var repository = await AppRepository.CreateAsync(cluster, "one");
        (await cluster.BerthInAsync(repository.Directory, "git:remote", app)).EnsureSuccess("git:remote");
        Assert.Equal(0, (await repository.PushAsync()).ExitCode);

        var report = (await cluster.BerthAsync("checks:report", app)).EnsureSuccess("checks:report");
        Assert.Contains("default", report.Output);
        Assert.Contains("enabled", report.Output);

        (await cluster.BerthAsync("checks:set", app, "web", "wait=2", "attempts=4")).EnsureSuccess("checks:set");
        var set = await cluster.Apps.GetChecksAsync(new AppRequest { App = app });
        var web = set.Processes.Single(p => p.Process == "web");
        Assert.Equal((2, 4), (web.WaitSeconds, web.Attempts));
        Assert.All(web.Checks, c => Assert.Equal(4, c.Attempts));

        var bad = await cluster.BerthAsync("checks:set", app, "web", "attempts=lots");
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("attempts", bad.Error);
        var unknownType = await cluster.BerthAsync("checks:skip", app, "nosuchtype");
        Assert.NotEqual(0, unknownType.ExitCode);
        Assert.Contains("nosuchtype", unknownType.Error);
        Assert.Equal(4, (await cluster.Apps.GetChecksAsync(new AppRequest { App = app })).Processes[0].Attempts);

        var disable = (await cluster.BerthAsync("checks:disable", app, "web")).EnsureSuccess("checks:disable");
        Assert.Contains("downtime", disable.Output + disable.Error);
        (await cluster.BerthAsync("checks:enable", app, "web")).EnsureSuccess("checks:enable");
        (await cluster.BerthAsync("checks:skip", app)).EnsureSuccess("checks:skip");
        Assert.Equal("skipped", (await cluster.Apps.GetChecksAsync(new AppRequest { App = app })).Processes[0].Mode);

        (await cluster.BerthAsync("ps:set", app, "web", "stop-timeout=7")).EnsureSuccess("ps:set stop-timeout");
        Assert.NotEqual(0, (await cluster.BerthAsync("ps:set", app, "web", "stop-timeout=0")).ExitCode);
        (await cluster.BerthAsync("ps:restart", app)).EnsureSuccess("ps:restart");
        var ps = (await cluster.BerthAsync("ps:report", app)).EnsureSuccess("ps:report");
        Assert.Contains("7", ps.Output);
        var instance = (await cluster.Apps.ListInstancesAsync(new AppRequest { App = app })).Instances.Single();
        var node = int.Parse(instance.Node.Split('-')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var inspect = (await cluster.DockerAsync(
                node, "inspect", "--format", "{{.Config.StopTimeout}}", $"{instance.Name}.v{instance.Release}"))
            .EnsureSuccess("docker inspect");
        Assert.Equal("7", inspect.Output.Trim());
    }

    [Fact]
    public async Task Retention_KeepsTheLastFiveReleaseImages_AndRefusesARollbackToARemovedOne()
    {
        const string app = "retained";
        (await cluster.BerthAsync("apps:create", app)).EnsureSuccess("apps:create");
        using var repository = await AppRepository.CreateAsync(cluster, "kept");
        (await cluster.BerthInAsync(repository.Directory, "git:remote", app)).EnsureSuccess("git:remote");
        Assert.Equal(0, (await repository.PushAsync()).ExitCode);
        (await cluster.BerthAsync("checks:skip", app)).EnsureSuccess("checks:skip");
        for (var mark = 2; mark <= 6; mark++)
        {
            await repository.CommitDockerfileAsync(AppRepository.WebDockerfile($"kept{mark}"), $"release {mark}");
            var push = await repository.PushAsync();
            Assert.True(push.ExitCode == 0, push.All);
        }

        var refused = await cluster.BerthAsync("releases:rollback", app, "v1");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("image was removed", refused.Error);
        var rollback = (await cluster.BerthAsync("releases:rollback", app, "v2")).EnsureSuccess("rollback to v2");
        Assert.Contains("v2", rollback.Output);
        Assert.StartsWith("kept2 ", (await cluster.GetThroughEdgeAsync($"{app}.localhost")).Body);
    }

    /// <summary>
    /// A build directory whose Dockerfile copies a Procfile and an app.json (worker quantity 1)
    /// into the image's working directory, /srv, and sets ENV WWW for the Procfile to use; the
    /// tree's root has neither file.
    /// </summary>
    private async Task<string> ImageFilesTreeAsync(string name, string procfile)
    {
        var directory = Directory.CreateDirectory(Path.Combine(cluster.StateDirectory, "tar-" + name)).FullName;
        var files = Directory.CreateDirectory(Path.Combine(directory, "files", "www")).Parent!.FullName;
        const string dockerfile = "FROM berth-base/busybox:1\nENV WWW=/srv/www\nWORKDIR /srv\nCOPY files/ /srv/\n";
        const string appJson = """{ "formation": { "worker": { "quantity": 1 } } }""";
        await File.WriteAllTextAsync(Path.Combine(directory, "Dockerfile"), dockerfile);
        await File.WriteAllTextAsync(Path.Combine(files, "Procfile"), procfile);
        await File.WriteAllTextAsync(Path.Combine(files, "app.json"), appJson);
        await File.WriteAllTextAsync(Path.Combine(files, "www", "index.html"), "from the workdir\n");
        return directory;
    }

    private async Task<IReadOnlyList<string>> RunningTypesAsync(string app) =>
        (await cluster.Apps.ListInstancesAsync(new AppRequest { App = app })).Instances
            .Where(i => i.State == "running")
            .Select(i => i.Process)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>A deploy returns once every instance of the release runs, so both types run now.</summary>
    private async Task AssertRunningTypesAsync(string app) =>
        Assert.Equal(["web", "worker"], await RunningTypesAsync(app));

    private static string Scripts(string predeploy, string postdeploy) => $$"""
        { "scripts": { "dokku": { "predeploy": "{{predeploy}}", "postdeploy": "{{postdeploy}}" } } }
        """;

    private static IEnumerable<int> Occurrences(string text, string value)
    {
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0;
             at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            yield return at;
        }
    }

    /// <summary>
    /// Runs a command that must fail naming <paramref name="reason"/>; the app's release is unchanged.
    /// </summary>
    private async Task AssertRefusedAsync(string app, string reason, params string[] arguments)
    {
        var before = (await cluster.Apps.GetAppAsync(new AppRequest { App = app })).CurrentRelease;
        var result = await cluster.BerthAsync(arguments);
        Assert.True(result.ExitCode != 0, $"berth {string.Join(' ', arguments)} was not refused:\n{result.All}");
        Assert.Contains(reason, result.Error);
        Assert.Equal(before, (await cluster.Apps.GetAppAsync(new AppRequest { App = app })).CurrentRelease);
    }
}
