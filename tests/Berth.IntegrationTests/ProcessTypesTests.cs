using Berth.Contracts;
using Berth.IntegrationTests.Fixtures;

namespace Berth.IntegrationTests;

/// <summary>Procfile process types across nodes: formation, placement, always-up workers.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ProcessTypesTests(ClusterFixture cluster)
{
    private const string Procfile = """
        # a web process, a worker that stays up, and one that crashes
        web: sh -c 'echo "$MARK $DYNO on $BERTH_NODE greeting=$GREETING" > /www/index.html && exec httpd -f -p $PORT -h /www'
        worker: sh -c 'echo worker $DYNO up; exec sleep 100000'
        // the crasher is scaled only when a test wants it
        crasher: sh -c 'exit 3'

        """;

    private const string AppJson = """{ "formation": { "worker": { "quantity": 2 } } }""";

    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Push_ProcfileAndAppJson_WebAndWorkersRunSpreadOverNodes()
    {
        const string app = "procs";
        using var repository = await DeployAsync(app);

        Assert.True(await EventuallyRunningAsync(app, "worker", 2), "two workers did not run");
        var instances = await InstancesAsync(app);
        var workers = instances.Where(i => i.Process == "worker").ToList();
        Assert.Equal(2, workers.Select(w => w.Node).Distinct().Count());
        Assert.All(workers, w => Assert.Equal("", w.Address));
        Assert.Single(instances, i => i.Process == "web");
        Assert.DoesNotContain(instances, i => i.Process == "crasher");
        Assert.StartsWith("procs web.1 on node-", (await cluster.GetThroughEdgeAsync($"{app}.localhost")).Body);

        var report = await cluster.Apps.GetProcessReportAsync(new AppRequest { App = app });
        Assert.Equal(
            ["crasher", "web", "worker"],
            report.Processes.Select(p => p.Process).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task KilledWorker_ComesBack()
    {
        const string app = "undying";
        using var repository = await DeployAsync(app);
        Assert.True(await EventuallyRunningAsync(app, "worker", 2));
        var worker = (await InstancesAsync(app)).First(i => i.Process == "worker");

        var node = int.Parse(worker.Node["node-".Length..], System.Globalization.CultureInfo.InvariantCulture);
        (await cluster.DockerAsync(node, "kill", $"{worker.Name}.v{worker.Release}")).EnsureSuccess("docker kill");

        var back = await ClusterFixture.EventuallyAsync(
            async () => (await InstancesAsync(app)).Any(i => i.Name == worker.Name && i.State == "running" && i.Restarts > 0),
            Settle);
        Assert.True(back, $"{worker.Name} did not come back after docker kill");
    }

    [Fact]
    public async Task Crasher_ShowsCrashedWithExitCode_OthersKeepRunning()
    {
        const string app = "crashy";
        using var repository = await DeployAsync(app);

        (await cluster.BerthAsync("ps:scale", app, "crasher=1")).EnsureSuccess("ps:scale");

        var crashed = await ClusterFixture.EventuallyAsync(
            async () => (await InstancesAsync(app)).Any(i => i.Process == "crasher" && i.State == "crashed" && i.ExitCode == 3),
            Settle);
        Assert.True(crashed, "the crasher was not reported as crashed with exit code 3");
        var ps = (await cluster.BerthAsync("ps", app)).EnsureSuccess("ps");
        Assert.Contains("crashed (exit 3", ps.Output);
        Assert.True(await EventuallyRunningAsync(app, "worker", 2));
        Assert.Equal(200, (await cluster.GetThroughEdgeAsync($"{app}.localhost")).Status);
    }

    [Fact]
    public async Task ScaleUpAndDown_TouchesOnlyTheInstancesItMust()
    {
        const string app = "scaled";
        using var repository = await DeployAsync(app);
        (await cluster.BerthAsync("ps:scale", app, "web=3")).EnsureSuccess("ps:scale web=3");
        Assert.True(await EventuallyRunningAsync(app, "web", 3));
        var before = (await InstancesAsync(app)).Where(i => i.Process == "web").ToDictionary(i => i.Name);

        (await cluster.BerthAsync("ps:scale", app, "web=4")).EnsureSuccess("ps:scale web=4");
        Assert.True(await EventuallyRunningAsync(app, "web", 4));
        var grown = (await InstancesAsync(app)).Where(i => i.Process == "web").ToDictionary(i => i.Name);
        foreach (var (name, instance) in before)
        {
            Assert.Equal((instance.Node, instance.StartedAt), (grown[name].Node, grown[name].StartedAt));
        }

        (await cluster.BerthAsync("ps:scale", app, "web=2")).EnsureSuccess("ps:scale web=2");
        Assert.True(await ClusterFixture.EventuallyAsync(
            async () => (await InstancesAsync(app)).Count(i => i.Process == "web") == 2,
            Settle));
        var shrunk = (await InstancesAsync(app)).Where(i => i.Process == "web").ToList();
        Assert.Equal([$"{app}.web.1", $"{app}.web.2"], shrunk.Select(i => i.Name).Order(StringComparer.Ordinal));
        Assert.All(shrunk, i => Assert.Equal(before[i.Name].StartedAt, i.StartedAt));
    }

    [Fact]
    public async Task Constraint_KeepsTypeOnLabelledNodes_AndUnfitTypeIsReported()
    {
        const string app = "placed";
        using var repository = await DeployAsync(app);
        (await cluster.BerthAsync("nodes:label", "node-2", "region=eu")).EnsureSuccess("nodes:label");

        (await cluster.BerthAsync("ps:set", app, "worker", "constraint", "region=eu"))
            .EnsureSuccess("ps:set constraint");
        var onEu = await ClusterFixture.EventuallyAsync(
            async () =>
            {
                var workers = (await InstancesAsync(app)).Where(i => i.Process == "worker").ToList();
                return workers.Count == 2 && workers.All(w => w.Node == "node-2" && w.State == "running");
            },
            Settle);
        Assert.True(onEu, "the workers did not all move to the node labelled region=eu");

        var unfit = await cluster.BerthAsync("ps:set", app, "web", "memory=100g");
        Assert.NotEqual(0, unfit.ExitCode);
        Assert.Contains($"{app}.web.1", unfit.Error);
        Assert.Contains("memory", unfit.Error);
        (await cluster.BerthAsync("nodes:label", "node-2", "region-")).EnsureSuccess("nodes:label remove");
    }

    [Fact]
    public async Task BadProcfileAndBadScale_ClearErrorsAndNothingChanges()
    {
        const string app = "strictprocs";
        using var repository = await DeployAsync(app);

        await repository.CommitFileAsync("Procfile", "web: httpd -f -p $PORT\nweb: sleep 1\nnot a line\n", "bad");
        var push = await repository.PushAsync();
        var scale = await cluster.BerthAsync("ps:scale", app, "nosuchtype=1");

        Assert.NotEqual(0, push.ExitCode);
        Assert.Contains("Procfile line 2", push.All);
        Assert.Contains("Procfile line 3", push.All);
        Assert.NotEqual(0, scale.ExitCode);
        Assert.Contains("nosuchtype", scale.Error);
        Assert.Equal(1, (await cluster.Apps.GetAppAsync(new AppRequest { App = app })).CurrentRelease);
        var formation = (await cluster.Apps.GetFormationAsync(new AppRequest { App = app })).Formation;
        Assert.False(formation.ContainsKey("nosuchtype"));
        Assert.Equal(2, formation["worker"]);
    }

    [Fact]
    public async Task PsRestartOneType_ReplacesOnlyThatType_AndStopStartKeepTheFormation()
    {
        const string app = "restarted";
        using var repository = await DeployAsync(app);
        Assert.True(await EventuallyRunningAsync(app, "worker", 2));

        (await cluster.BerthAsync("ps:restart", app, "worker")).EnsureSuccess("ps:restart worker");

        var instances = await InstancesAsync(app);
        Assert.All(instances.Where(i => i.Process == "worker"), i => Assert.Equal(2, i.Release));
        Assert.All(instances.Where(i => i.Process == "web"), i => Assert.Equal(1, i.Release));
        Assert.StartsWith($"{app} web.1", (await cluster.GetThroughEdgeAsync($"{app}.localhost")).Body);

        (await cluster.BerthAsync("ps:stop", app)).EnsureSuccess("ps:stop");
        Assert.True(await ClusterFixture.EventuallyAsync(async () => (await InstancesAsync(app)).Count == 0, Settle));
        Assert.True((await cluster.Apps.GetProcessReportAsync(new AppRequest { App = app })).Stopped);

        (await cluster.BerthAsync("ps:start", app)).EnsureSuccess("ps:start");
        Assert.True(await EventuallyRunningAsync(app, "worker", 2));
        Assert.True(await EventuallyRunningAsync(app, "web", 1));
    }

    [Fact]
    public async Task ConfigSet_RestartsEveryTypeOneInstanceAtATime()
    {
        const string app = "rollconfig";
        using var repository = await DeployAsync(app);
        Assert.True(await EventuallyRunningAsync(app, "worker", 2));
        var starting = new List<int>();
        using var watching = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            while (!watching.IsCancellationRequested)
            {
                var workers = (await InstancesAsync(app)).Where(i => i.Process == "worker").ToList();
                starting.Add(workers.Count(w => w.Release == 2 && w.State != "running"));
                await Task.Delay(100);
            }
        });

        (await cluster.BerthAsync("config:set", app, "GREETING=rolled")).EnsureSuccess("config:set");
        await watching.CancelAsync();
        await watcher;

        Assert.All(await InstancesAsync(app), i => Assert.Equal(2, i.Release));
        Assert.True(starting.Max() <= 1, $"up to {starting.Max()} workers started at once");
        Assert.Contains("greeting=rolled", (await cluster.GetThroughEdgeAsync($"{app}.localhost")).Body, StringComparison.Ordinal);
    }

    private async Task<AppRepository> DeployAsync(string app)
    {
        (await cluster.BerthAsync("apps:create", app)).EnsureSuccess("apps:create");
        var repository = await AppRepository.CreateAsync(cluster, app);
        await repository.CommitFileAsync("Procfile", Procfile, "add a Procfile");
        await repository.CommitFileAsync("app.json", AppJson, "add app.json");
        (await cluster.BerthInAsync(repository.Directory, "git:remote", app)).EnsureSuccess("git:remote");
        var push = await repository.PushAsync();
        Assert.True(push.ExitCode == 0, push.All);
        return repository;
    }

    private Task<bool> EventuallyRunningAsync(string app, string process, int count) =>
        ClusterFixture.EventuallyAsync(
            async () => (await InstancesAsync(app)).Count(i => i.Process == process && i.State == "running") == count,
            Settle);

    private async Task<IReadOnlyList<InstanceInfo>> InstancesAsync(string app) =>
        (await cluster.Apps.ListInstancesAsync(new AppRequest { App = app })).Instances;
}
