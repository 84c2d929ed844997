using Berth.ControlPlane.Store;
using Berth.Core.Health;
using Berth.Core.Placement;
using Microsoft.Extensions.Time.Testing;

namespace Berth.ControlPlane.Tests.Store;

/// <summary>
/// What every <see cref="IClusterStore"/> must do. Each implementation runs this suite through
/// a subclass that says how to make a fresh, empty store.
/// </summary>
public abstract class ClusterStoreContractTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);

    private IClusterStore? store;

    /// <summary>The clock the store under test must use.</summary>
    protected FakeTimeProvider Time { get; } = new(Start);

    /// <summary>The store under test, made on first use.</summary>
    protected IClusterStore Store => store ??= CreateStore();

    /// <summary>Makes a fresh, empty store that reads the time from <see cref="Time"/>.</summary>
    protected abstract IClusterStore CreateStore();

    [Fact]
    public async Task CreateApp_NewName_ReturnsTrueAndStoresIt()
    {
        var created = await Store.CreateAppAsync(App("shop"));

        Assert.True(created);
        Assert.Equal(App("shop"), await Store.GetAppAsync("shop"));
    }

    [Fact]
    public async Task CreateApp_SameNameTwice_ReturnsFalseAndKeepsTheFirst()
    {
        await Store.CreateAppAsync(App("shop"));

        var again = await Store.CreateAppAsync(new AppRecord("shop", Start.AddDays(1), 7));

        Assert.False(again);
        Assert.Equal(App("shop"), await Store.GetAppAsync("shop"));
    }

    [Fact]
    public async Task GetApp_Unknown_ReturnsNull()
    {
        Assert.Null(await Store.GetAppAsync("ghost"));
    }

    [Fact]
    public async Task ListApps_SeveralApps_ReturnsThemByName()
    {
        await Store.CreateAppAsync(App("zeta"));
        await Store.CreateAppAsync(App("alpha"));
        await Store.CreateAppAsync(App("mid"));

        var apps = await Store.ListAppsAsync();

        Assert.Equal(["alpha", "mid", "zeta"], apps.Select(a => a.Name));
    }

    [Fact]
    public async Task ListApps_Empty_ReturnsNothing()
    {
        Assert.Empty(await Store.ListAppsAsync());
    }

    [Fact]
    public async Task DeleteApp_Existing_ReturnsTrueAndRemovesIt()
    {
        await Store.CreateAppAsync(App("shop"));

        Assert.True(await Store.DeleteAppAsync("shop"));

        Assert.Null(await Store.GetAppAsync("shop"));
        Assert.Empty(await Store.ListAppsAsync());
    }

    [Fact]
    public async Task DeleteApp_Unknown_ReturnsFalse()
    {
        Assert.False(await Store.DeleteAppAsync("ghost"));
    }

    [Fact]
    public async Task DeleteApp_AppWithState_RemovesEverythingOfItAndNothingElse()
    {
        await FillAppAsync("shop");
        await FillAppAsync("blog");
        await Store.ReplaceAssignmentsAsync(
            [Placed("shop", "web", 1, 1), Placed("blog", "web", 1, 1), Placed("shop", "worker", 1, 1)]);

        await Store.DeleteAppAsync("shop");

        Assert.Empty((await Store.GetConfigAsync("shop")).Values);
        Assert.Empty(await Store.ListDomainsAsync("shop"));
        Assert.Null(await Store.GetReleaseAsync("shop", 1));
        Assert.Equal(1, await Store.NextReleaseNumberAsync("shop"));
        Assert.Empty(await Store.GetFormationAsync("shop"));
        Assert.Equal([Placed("blog", "web", 1, 1)], await Store.ListAssignmentsAsync());

        Assert.Equal("v", (await Store.GetConfigAsync("blog")).Values["KEY"]);
        Assert.Single(await Store.ListDomainsAsync("blog"));
        Assert.NotNull(await Store.GetReleaseAsync("blog", 1));
        Assert.Equal(2, (await Store.GetFormationAsync("blog"))["web"]);
    }

    [Fact]
    public async Task DeleteApp_ThenCreateAgain_StartsClean()
    {
        await FillAppAsync("shop");
        await Store.DeleteAppAsync("shop");

        await Store.CreateAppAsync(App("shop"));

        var config = await Store.GetConfigAsync("shop");
        Assert.Empty(config.Values);
        Assert.Equal(0, config.Version);
        Assert.Null(await Store.AddDomainAsync("shop", "shop.example.com"));
        Assert.Equal(1, (await CreateReleaseAsync("shop")).Number);
    }

    [Fact]
    public async Task GetConfig_NewApp_IsEmptyAtVersion0()
    {
        await Store.CreateAppAsync(App("shop"));

        var config = await Store.GetConfigAsync("shop");

        Assert.Equal(0, config.Version);
        Assert.Empty(config.Values);
    }

    [Fact]
    public async Task UpdateConfig_Set_StoresValuesAndBumpsTheVersion()
    {
        await Store.CreateAppAsync(App("shop"));

        var updated = await Store.UpdateConfigAsync("shop", Vars(("A", "1"), ("B", "two words")), []);

        Assert.Equal(1, updated.Version);
        Assert.Equal(Vars(("A", "1"), ("B", "two words")), updated.Values);
        var read = await Store.GetConfigAsync("shop");
        Assert.Equal(1, read.Version);
        Assert.Equal(Vars(("A", "1"), ("B", "two words")), read.Values);
    }

    [Fact]
    public async Task UpdateConfig_SetAndUnsetTogether_AppliesBothInOneVersion()
    {
        await Store.CreateAppAsync(App("shop"));
        await Store.UpdateConfigAsync("shop", Vars(("A", "1"), ("B", "2"), ("C", "3")), []);

        var updated = await Store.UpdateConfigAsync("shop", Vars(("A", "changed"), ("D", "4")), ["B", "NEVER_SET"]);

        Assert.Equal(2, updated.Version);
        Assert.Equal(Vars(("A", "changed"), ("C", "3"), ("D", "4")), updated.Values);
    }

    [Fact]
    public async Task UpdateConfig_UnsetEverything_LeavesEmptyConfigAtNextVersion()
    {
        await Store.CreateAppAsync(App("shop"));
        await Store.UpdateConfigAsync("shop", Vars(("A", "1")), []);

        var updated = await Store.UpdateConfigAsync("shop", Vars(), ["A"]);

        Assert.Equal(2, updated.Version);
        Assert.Empty(updated.Values);
    }

    [Fact]
    public async Task UpdateConfig_OneApp_LeavesOtherAppsAlone()
    {
        await Store.CreateAppAsync(App("shop"));
        await Store.CreateAppAsync(App("blog"));
        await Store.UpdateConfigAsync("blog", Vars(("A", "blog")), []);

        await Store.UpdateConfigAsync("shop", Vars(("A", "shop")), []);
        await Store.UpdateConfigAsync("shop", Vars(), ["A"]);

        var blog = await Store.GetConfigAsync("blog");
        Assert.Equal(1, blog.Version);
        Assert.Equal("blog", blog.Values["A"]);
    }

    [Fact]
    public async Task UpdateConfig_ValueWithSpecialCharacters_RoundTrips()
    {
        await Store.CreateAppAsync(App("shop"));
        const string value = "line1\nline2 'quoted' \"double\" $PORT ü ✓ \0 end";

        await Store.UpdateConfigAsync("shop", Vars(("WEIRD", value), ("EMPTY", "")), []);

        var config = await Store.GetConfigAsync("shop");
        Assert.Equal(value, config.Values["WEIRD"]);
        Assert.Equal("", config.Values["EMPTY"]);
    }

    [Fact]
    public async Task AddDomain_Free_ReturnsNullAndListsIt()
    {
        await Store.CreateAppAsync(App("shop"));

        Assert.Null(await Store.AddDomainAsync("shop", "shop.example.com"));

        Assert.Equal([("shop.example.com", "shop")], await Store.ListDomainsAsync("shop"));
    }

    [Fact]
    public async Task AddDomain_AlreadyOnTheSameApp_ReturnsNull()
    {
        await Store.CreateAppAsync(App("shop"));
        await Store.AddDomainAsync("shop", "shop.example.com");

        Assert.Null(await Store.AddDomainAsync("shop", "shop.example.com"));

        Assert.Single(await Store.ListDomainsAsync("shop"));
    }

    [Fact]
    public async Task AddDomain_TakenByAnotherApp_ReturnsTheHolderAndKeepsIt()
    {
        await Store.CreateAppAsync(App("shop"));
        await Store.CreateAppAsync(App("blog"));
        await Store.AddDomainAsync("blog", "www.example.com");

        var holder = await Store.AddDomainAsync("shop", "www.example.com");

        Assert.Equal("blog", holder);
        Assert.Empty(await Store.ListDomainsAsync("shop"));
        Assert.Equal([("www.example.com", "blog")], await Store.ListDomainsAsync("blog"));
    }

    [Fact]
    public async Task RemoveDomain_Held_ReturnsTrueAndFreesIt()
    {
        await Store.CreateAppAsync(App("shop"));
        await Store.CreateAppAsync(App("blog"));
        await Store.AddDomainAsync("shop", "www.example.com");

        Assert.True(await Store.RemoveDomainAsync("shop", "www.example.com"));

        Assert.Empty(await Store.ListDomainsAsync("shop"));
        Assert.Null(await Store.AddDomainAsync("blog", "www.example.com"));
    }

    [Fact]
    public async Task RemoveDomain_HeldByAnotherApp_ReturnsFalseAndKeepsIt()
    {
        await Store.CreateAppAsync(App("shop"));
        await Store.CreateAppAsync(App("blog"));
        await Store.AddDomainAsync("blog", "www.example.com");

        Assert.False(await Store.RemoveDomainAsync("shop", "www.example.com"));

        Assert.Equal([("www.example.com", "blog")], await Store.ListDomainsAsync());
    }

    [Fact]
    public async Task RemoveDomain_NeverAdded_ReturnsFalse()
    {
        await Store.CreateAppAsync(App("shop"));

        Assert.False(await Store.RemoveDomainAsync("shop", "nothing.example.com"));
    }

    [Fact]
    public async Task ListDomains_NoApp_ListsEveryAppsDomainsByAppThenDomain()
    {
        await Store.CreateAppAsync(App("shop"));
        await Store.CreateAppAsync(App("blog"));
        await Store.AddDomainAsync("shop", "b.shop.example.com");
        await Store.AddDomainAsync("blog", "blog.example.com");
        await Store.AddDomainAsync("shop", "a.shop.example.com");

        var all = await Store.ListDomainsAsync();
        var shop = await Store.ListDomainsAsync("shop");

        Assert.Equal(
            [("blog.example.com", "blog"), ("a.shop.example.com", "shop"), ("b.shop.example.com", "shop")],
            all);
        Assert.Equal([("a.shop.example.com", "shop"), ("b.shop.example.com", "shop")], shop);
    }

    [Fact]
    public async Task CreateRelease_FirstAndSecond_AreNumberedV1AndV2()
    {
        await Store.CreateAppAsync(App("shop"));

        var first = await CreateReleaseAsync("shop");
        var second = await CreateReleaseAsync("shop");

        Assert.Equal(1, first.Number);
        Assert.Equal(2, second.Number);
    }

    [Fact]
    public async Task CreateRelease_TwoApps_NumberEachAppIndependently()
    {
        await Store.CreateAppAsync(App("shop"));
        await Store.CreateAppAsync(App("blog"));

        await CreateReleaseAsync("shop");
        await CreateReleaseAsync("shop");
        var blogFirst = await CreateReleaseAsync("blog");
        var shopThird = await CreateReleaseAsync("shop");

        Assert.Equal(1, blogFirst.Number);
        Assert.Equal(3, shopThird.Number);
    }

    [Fact]
    public async Task CreateRelease_Concurrently_GivesDistinctNumbers()
    {
        await Store.CreateAppAsync(App("shop"));

        var releases = await Task.WhenAll(
            Enumerable.Range(0, 8).Select(_ => Task.Run(() => CreateReleaseAsync("shop"))));

        Assert.Equal(Enumerable.Range(1, 8), releases.Select(r => r.Number).Order());
    }

    [Fact]
    public async Task CreateRelease_Fields_AreReturnedAndStoredAsPending()
    {
        await Store.CreateAppAsync(App("shop"));
        var config = new ConfigSnapshot(4, Vars(("DATABASE_URL", "postgres://db"), ("MODE", "prod")));
        Time.Advance(TimeSpan.FromMinutes(5));

        var release = await Store.CreateReleaseAsync(
            "shop",
            "127.0.0.1:5000/shop:v1",
            "sha256:abc",
            config,
            "1a2b3c4",
            "deploy 1a2b3c4",
            "alice@laptop",
            new Dictionary<string, string> { ["web"] = "./serve", ["worker"] = "./work" },
            new ReleaseSources("{\"healthchecks\":{}}", "/health ok"));

        Assert.Equal("pending", release.State);
        Assert.Equal(Start.AddMinutes(5), release.CreatedAt);
        var stored = await Store.GetReleaseAsync("shop", 1);
        Assert.NotNull(stored);
        Assert.Equal("shop", stored.App);
        Assert.Equal(1, stored.Number);
        Assert.Equal("127.0.0.1:5000/shop:v1", stored.Image);
        Assert.Equal("sha256:abc", stored.Digest);
        Assert.Equal(4, stored.Config.Version);
        Assert.Equal(config.Values, stored.Config.Values);
        Assert.Equal("./work", stored.Processes["worker"]);
        Assert.Equal(new ReleaseSources("{\"healthchecks\":{}}", "/health ok"), stored.Sources);
        Assert.Equal("1a2b3c4", stored.GitRevision);
        Assert.Equal("deploy 1a2b3c4", stored.Description);
        Assert.Equal("alice@laptop", stored.CreatedBy);
        Assert.Equal("pending", stored.State);
        Assert.Equal(Start.AddMinutes(5), stored.CreatedAt);
    }

    [Fact]
    public async Task CreateRelease_ConfigChangedLater_KeepsTheReleasesConfig()
    {
        await Store.CreateAppAsync(App("shop"));
        var config = await Store.UpdateConfigAsync("shop", Vars(("A", "old")), []);
        await Store.CreateReleaseAsync(
            "shop", "img", "sha256:1", config, "", "config set A", "", NoProcesses, ReleaseSources.None);

        await Store.UpdateConfigAsync("shop", Vars(("A", "new")), []);

        var release = await Store.GetReleaseAsync("shop", 1);
        Assert.Equal("old", release!.Config.Values["A"]);
        Assert.Equal(1, release.Config.Version);
    }

    [Fact]
    public async Task GetRelease_Unknown_ReturnsNull()
    {
        await Store.CreateAppAsync(App("shop"));
        await CreateReleaseAsync("shop");

        Assert.Null(await Store.GetReleaseAsync("shop", 2));
        Assert.Null(await Store.GetReleaseAsync("blog", 1));
    }

    [Fact]
    public async Task ListReleases_SeveralReleases_ReturnsThemNewestFirstWithTheirFields()
    {
        await Store.CreateAppAsync(App("shop"));
        var config = await Store.UpdateConfigAsync("shop", Vars(("SECRET", "hunter2")), []);
        await Store.CreateReleaseAsync(
            "shop", "img:v1", "sha256:1", config, "aaa", "deploy aaa", "", NoProcesses, ReleaseSources.None);
        Time.Advance(TimeSpan.FromMinutes(1));
        var processes = new Dictionary<string, string> { ["web"] = "./w" };
        await Store.CreateReleaseAsync(
            "shop", "img:v2", "sha256:2", config, "bbb", "deploy bbb", "", processes, ReleaseSources.None);
        await CreateReleaseAsync("shop");
        await Store.SetReleaseStateAsync("shop", 1, ReleaseStates.Deployed);
        await Store.SetReleaseStateAsync("shop", 2, ReleaseStates.Failed);

        var releases = await Store.ListReleasesAsync("shop");

        Assert.Equal([3, 2, 1], releases.Select(r => r.Number));
        Assert.Equal(
            [ReleaseStates.Pending, ReleaseStates.Failed, ReleaseStates.Deployed],
            releases.Select(r => r.State));
        var second = releases[1];
        Assert.Equal(
            ("img:v2", "sha256:2", "bbb", "deploy bbb"),
            (second.Image, second.Digest, second.GitRevision, second.Description));
        Assert.Equal("./w", second.Processes["web"]);
        Assert.Equal(config.Version, second.Config.Version);
        Assert.Equal("hunter2", second.Config.Values["SECRET"]);
        Assert.Equal(Start.AddMinutes(1), second.CreatedAt);
    }

    [Fact]
    public async Task ListReleases_TwoApps_ReturnsOnlyTheAppsOwn()
    {
        await Store.CreateAppAsync(App("shop"));
        await Store.CreateAppAsync(App("blog"));
        await CreateReleaseAsync("shop");
        await CreateReleaseAsync("blog");
        await CreateReleaseAsync("shop");

        var shop = await Store.ListReleasesAsync("shop");
        var blog = await Store.ListReleasesAsync("blog");

        Assert.Equal([2, 1], shop.Select(r => r.Number));
        Assert.All(shop, r => Assert.Equal("shop", r.App));
        Assert.Equal([1], blog.Select(r => r.Number));
    }

    [Fact]
    public async Task ListReleases_NoReleasesOrUnknownApp_ReturnsNothing()
    {
        await Store.CreateAppAsync(App("shop"));

        Assert.Empty(await Store.ListReleasesAsync("shop"));
        Assert.Empty(await Store.ListReleasesAsync("ghost"));
    }

    [Fact]
    public async Task ListReleases_AppDeleted_ReturnsNothing()
    {
        await Store.CreateAppAsync(App("shop"));
        await CreateReleaseAsync("shop");

        await Store.DeleteAppAsync("shop");

        Assert.Empty(await Store.ListReleasesAsync("shop"));
    }

    [Fact]
    public async Task NextReleaseNumber_FollowsCreatedReleases()
    {
        await Store.CreateAppAsync(App("shop"));
        await Store.CreateAppAsync(App("blog"));

        Assert.Equal(1, await Store.NextReleaseNumberAsync("shop"));
        await CreateReleaseAsync("shop");
        await CreateReleaseAsync("shop");

        Assert.Equal(3, await Store.NextReleaseNumberAsync("shop"));
        Assert.Equal(1, await Store.NextReleaseNumberAsync("blog"));
        Assert.Equal(3, (await CreateReleaseAsync("shop")).Number);
    }

    [Theory]
    [InlineData("deployed")]
    [InlineData("failed")]
    public async Task SetReleaseState_Release_ChangesOnlyThatRelease(string state)
    {
        await Store.CreateAppAsync(App("shop"));
        await CreateReleaseAsync("shop");
        await CreateReleaseAsync("shop");

        await Store.SetReleaseStateAsync("shop", 2, state);

        Assert.Equal("pending", (await Store.GetReleaseAsync("shop", 1))!.State);
        Assert.Equal(state, (await Store.GetReleaseAsync("shop", 2))!.State);
    }

    [Fact]
    public async Task SetCurrentRelease_App_ShowsInTheAppRecord()
    {
        await Store.CreateAppAsync(App("shop"));
        await Store.CreateAppAsync(App("blog"));
        await CreateReleaseAsync("shop");
        await CreateReleaseAsync("shop");

        await Store.SetCurrentReleaseAsync("shop", 2);
        await Store.SetCurrentReleaseAsync("shop", 1);

        Assert.Equal(1, (await Store.GetAppAsync("shop"))!.CurrentRelease);
        Assert.Equal(0, (await Store.GetAppAsync("blog"))!.CurrentRelease);
    }

    [Fact]
    public async Task GetFormation_NewApp_IsEmpty()
    {
        await Store.CreateAppAsync(App("shop"));

        Assert.Empty(await Store.GetFormationAsync("shop"));
    }

    [Fact]
    public async Task SetFormation_SomeTypes_MergesWithTheOthers()
    {
        await Store.CreateAppAsync(App("shop"));
        await Store.SetFormationAsync("shop", Counts(("web", 2), ("worker", 1)));

        await Store.SetFormationAsync("shop", Counts(("worker", 3), ("clock", 0)));

        var formation = await Store.GetFormationAsync("shop");
        Assert.Equal(Counts(("clock", 0), ("web", 2), ("worker", 3)), formation);
    }

    [Fact]
    public async Task SetFormation_OneApp_LeavesOtherAppsAlone()
    {
        await Store.CreateAppAsync(App("shop"));
        await Store.CreateAppAsync(App("blog"));
        await Store.SetFormationAsync("blog", Counts(("web", 1)));

        await Store.SetFormationAsync("shop", Counts(("web", 5)));

        Assert.Equal(1, (await Store.GetFormationAsync("blog"))["web"]);
    }

    [Fact]
    public async Task UpsertNode_New_IsListedWithItsLabels()
    {
        var node = Node("node-1", ("zone", "a"), ("disk", "ssd"));

        await Store.UpsertNodeAsync(node);

        var listed = Assert.Single(await Store.ListNodesAsync());
        AssertNode(node, listed);
    }

    [Fact]
    public async Task UpsertNode_Again_ReplacesTheRecord()
    {
        await Store.UpsertNodeAsync(Node("node-1", ("zone", "a")));
        Time.Advance(TimeSpan.FromHours(1));
        var changed = new NodeRecord("node-1", "10.0.0.9", Labels(("zone", "b")), 8192, Time.GetUtcNow());

        await Store.UpsertNodeAsync(changed);

        AssertNode(changed, Assert.Single(await Store.ListNodesAsync()));
    }

    [Fact]
    public async Task ListNodes_Several_ReturnsThemByName()
    {
        await Store.UpsertNodeAsync(Node("node-3"));
        await Store.UpsertNodeAsync(Node("node-1"));
        await Store.UpsertNodeAsync(Node("node-2"));

        var nodes = await Store.ListNodesAsync();

        Assert.Equal(["node-1", "node-2", "node-3"], nodes.Select(n => n.Name));
        Assert.All(nodes, n => Assert.Empty(n.Labels));
    }

    [Fact]
    public async Task ListAssignments_None_IsEmpty()
    {
        Assert.Empty(await Store.ListAssignmentsAsync());
    }

    [Fact]
    public async Task ReplaceAssignments_Twice_KeepsOnlyTheSecondSet()
    {
        await Store.ReplaceAssignmentsAsync([Placed("shop", "web", 1, 1), Placed("shop", "web", 2, 1)]);

        await Store.ReplaceAssignmentsAsync(
            [Placed("shop", "web", 1, 2, "node-2", 256), Placed("blog", "worker", 1, 1), Placed("shop", "web", 1, 1)]);

        Assert.Equal(
            [Placed("blog", "worker", 1, 1), Placed("shop", "web", 1, 1), Placed("shop", "web", 1, 2, "node-2", 256)],
            await Store.ListAssignmentsAsync());
    }

    [Fact]
    public async Task ReplaceAssignments_Empty_ClearsThem()
    {
        await Store.ReplaceAssignmentsAsync([Placed("shop", "web", 1, 1)]);

        await Store.ReplaceAssignmentsAsync([]);

        Assert.Empty(await Store.ListAssignmentsAsync());
    }

    [Fact]
    public async Task SetProcessSettings_ChecksAndStopTimeout_AreReadBack()
    {
        await Store.CreateAppAsync(App("shop"));
        var checks = new HealthCheckOverrides
        {
            Mode = HealthCheckMode.Disabled,
            Wait = TimeSpan.FromSeconds(7),
            Timeout = TimeSpan.FromSeconds(11),
            Attempts = 4,
        };
        var settings = ProcessSettings.Default("web", 2) with { Checks = checks, StopTimeoutSeconds = 90 };

        await Store.SetProcessSettingsAsync("shop", settings);

        var stored = Assert.Single(await Store.GetProcessSettingsAsync("shop"));
        Assert.Equal(checks, stored.Checks);
        Assert.Equal(90, stored.StopTimeoutSeconds);
        Assert.Equal(2, stored.Quantity);
    }

    [Fact]
    public async Task SetProcessSettings_OnlyModeSet_LeavesTheOtherChecksSettingsUnset()
    {
        await Store.CreateAppAsync(App("shop"));
        var checks = new HealthCheckOverrides { Mode = HealthCheckMode.Skipped };

        await Store.SetProcessSettingsAsync("shop", ProcessSettings.Default("worker", 1) with { Checks = checks });

        var stored = Assert.Single(await Store.GetProcessSettingsAsync("shop")).Checks;
        Assert.Equal(HealthCheckMode.Skipped, stored.Mode);
        Assert.Null(stored.Wait);
        Assert.Null(stored.Timeout);
        Assert.Null(stored.Attempts);
    }

    [Fact]
    public async Task SetFormation_NewType_HasDefaultChecksAndStopTimeout()
    {
        await Store.CreateAppAsync(App("shop"));

        await Store.SetFormationAsync("shop", Counts(("web", 1)));

        var stored = Assert.Single(await Store.GetProcessSettingsAsync("shop"));
        Assert.Equal(HealthCheckOverrides.None, stored.Checks);
        Assert.Equal(ProcessSettings.DefaultStopTimeoutSeconds, stored.StopTimeoutSeconds);
    }

    [Fact]
    public async Task SetFormation_ExistingType_KeepsItsChecks()
    {
        await Store.CreateAppAsync(App("shop"));
        var checks = new HealthCheckOverrides { Mode = HealthCheckMode.Disabled };
        await Store.SetProcessSettingsAsync("shop", ProcessSettings.Default("web", 1) with { Checks = checks });

        await Store.SetFormationAsync("shop", Counts(("web", 3)));

        var stored = Assert.Single(await Store.GetProcessSettingsAsync("shop"));
        Assert.Equal((3, HealthCheckMode.Disabled), (stored.Quantity, stored.Checks.Mode));
    }

    [Fact]
    public async Task CreateRelease_NoSources_ReadsBackEmptyTexts()
    {
        await Store.CreateAppAsync(App("shop"));

        await CreateReleaseAsync("shop");

        Assert.Equal(ReleaseSources.None, (await Store.GetReleaseAsync("shop", 1))!.Sources);
    }

    protected static Dictionary<string, string> Vars(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    protected Task<ReleaseRecord> CreateReleaseAsync(string app) =>
        Store.CreateReleaseAsync(
            app,
            $"127.0.0.1:5000/{app}",
            "sha256:0",
            ConfigSnapshot.Empty,
            "",
            "test",
            "",
            NoProcesses,
            ReleaseSources.None);

    private static readonly Dictionary<string, string> NoProcesses = [];

    private static AppRecord App(string name) => new(name, Start, 0);

    private static Dictionary<string, int> Counts(params (string Process, int Count)[] pairs) =>
        pairs.ToDictionary(p => p.Process, p => p.Count, StringComparer.Ordinal);

    private static Dictionary<string, string> Labels(params (string Key, string Value)[] pairs) => Vars(pairs);

    private NodeRecord Node(string name, params (string Key, string Value)[] labels) =>
        new(name, "127.0.0.1", Labels(labels), 4096, Time.GetUtcNow());

    private static PlacedInstance Placed(
        string app,
        string process,
        int index,
        int release,
        string node = "node-1",
        long memoryMb = 512) =>
        new(app, process, index, release, node, memoryMb);

    private static void AssertNode(NodeRecord expected, NodeRecord actual)
    {
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Address, actual.Address);
        Assert.Equal(expected.Labels, actual.Labels);
        Assert.Equal(expected.MemoryMb, actual.MemoryMb);
        Assert.Equal(expected.RegisteredAt, actual.RegisteredAt);
    }

    private async Task FillAppAsync(string app)
    {
        await Store.CreateAppAsync(App(app));
        await Store.UpdateConfigAsync(app, Vars(("KEY", "v")), []);
        await Store.AddDomainAsync(app, $"{app}.example.com");
        await CreateReleaseAsync(app);
        await Store.SetFormationAsync(app, Counts(("web", 2)));
    }
}
