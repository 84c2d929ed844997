using Berth.Cli.Tests.Support;
using Berth.Contracts;
using Grpc.Core;

namespace Berth.Cli.Tests.Commands;

public sealed class ReleasesCommandsTests : IDisposable
{
    private readonly CliHarness harness = new();

    public ReleasesCommandsTests()
    {
        harness.LogIn();
    }

    [Fact]
    public async Task Releases_Text_WritesTableNewestFirstWithCurrentMarked()
    {
        harness.Api.Releases = Releases();

        var exitCode = await harness.RunAsync("releases", "myapp");

        Assert.Equal(0, exitCode);
        Assert.Equal(["ListReleases myapp"], harness.Api.Calls);
        Assert.Equal(["=====> myapp releases"], harness.Output.Lines);
        var table = harness.Output.Tables.Single();
        Assert.Equal(
            ["version", "state", "description", "digest", "config", "created", "by", "git revision"],
            table.Columns);
        Assert.Equal(
            [
                ["v3 (current)", "deployed", "rollback to v1", "0123456789ab", "1", "2025-06-01T11:55:00Z",
                    "alice@laptop", "1a2b3c4"],
                ["v2", "failed", "deploy 5e6f7a8", "fedcba987654", "2", "2025-06-01T11:50:00Z", "unknown", "5e6f7a8"],
                ["v1", "deployed", "deploy 1a2b3c4", "0123456789ab", "1", "2025-06-01T11:45:00Z",
                    "alice@laptop", "1a2b3c4"],
            ],
            table.Rows);
    }

    [Fact]
    public async Task Releases_Json_WritesEveryReleaseWithKeysButNoValues()
    {
        harness.Api.Releases = Releases();

        var exitCode = await harness.RunAsync("releases", "myapp", "--format", "json");

        Assert.Equal(0, exitCode);
        var line = harness.Output.Lines.Single();
        Assert.StartsWith(
            "[{\"app\":\"myapp\",\"version\":3,\"current\":true,\"state\":\"deployed\"," +
            "\"description\":\"rollback to v1\",\"image\":\"127.0.0.1:5000/myapp:v1\"," +
            "\"digest\":\"sha256:0123456789abcdef\",\"config_version\":1," +
            "\"created_at\":\"2025-06-01T11:55:00.0000000+00:00\",\"created_by\":\"alice@laptop\"," +
            "\"git_revision\":\"1a2b3c4d5e6f\"," +
            "\"processes\":{\"web\":\"./serve\",\"worker\":\"./work\"},\"config_keys\":[\"DATABASE_URL\",\"MODE\"]}," +
            "{\"app\":\"myapp\",\"version\":2,",
            line,
            StringComparison.Ordinal);
        Assert.EndsWith("]", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Releases_None_SaysHowToDeploy()
    {
        var exitCode = await harness.RunAsync("releases", "myapp");

        Assert.Equal(0, exitCode);
        Assert.Equal(["myapp has no releases yet; deploy it with git push berth main."], harness.Output.Lines);
        Assert.Empty(harness.Output.Tables);
    }

    [Fact]
    public async Task ReleasesInfo_Text_WritesEveryFieldKeysAndProcessTypes()
    {
        harness.Api.Release = Releases().Releases[0];

        var exitCode = await harness.RunAsync("releases:info", "myapp", "v3");

        Assert.Equal(0, exitCode);
        Assert.Equal(["GetRelease myapp 3"], harness.Api.Calls);
        Assert.Equal(
            [
                "=====> myapp v3 (current)",
                "State:          deployed",
                "Description:    rollback to v1",
                "Created at:     2025-06-01T11:55:00Z (5m ago)",
                "Created by:     alice@laptop",
                "Image:          127.0.0.1:5000/myapp:v1",
                "Digest:         sha256:0123456789abcdef",
                "Git revision:   1a2b3c4d5e6f",
                "Config version: 1",
                "Config keys:    DATABASE_URL MODE",
            ],
            harness.Output.Lines);
        var table = harness.Output.Tables.Single();
        Assert.Equal(["type", "command"], table.Columns);
        Assert.Equal([["web", "./serve"], ["worker", "./work"]], table.Rows);
        Assert.DoesNotContain("postgres", harness.Output.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReleasesInfo_NoProcfileNoConfig_ShowsImageCommandAndNone()
    {
        harness.Api.Release = new ReleaseInfo
        {
            App = "myapp",
            Version = 1,
            State = "pending",
            Description = "deploy",
            CreatedAt = "2025-06-01T12:00:00.0000000+00:00",
        };

        var exitCode = await harness.RunAsync("releases:info", "myapp", "1");

        Assert.Equal(0, exitCode);
        Assert.Equal(["GetRelease myapp 1"], harness.Api.Calls);
        Assert.Contains("Config keys:    none", harness.Output.Lines);
        Assert.Contains("Git revision:   none", harness.Output.Lines);
        Assert.Equal([["web", "(image command)"]], harness.Output.Tables.Single().Rows);
    }

    [Fact]
    public async Task ReleasesInfo_Json_WritesTheRelease()
    {
        harness.Api.Release = Releases().Releases[2];

        var exitCode = await harness.RunAsync("releases:info", "myapp", "v2", "--format", "json");

        Assert.Equal(0, exitCode);
        Assert.StartsWith(
            "{\"app\":\"myapp\",\"version\":2,\"current\":false,\"state\":\"failed\"",
            harness.Output.Lines.Single(),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("releases:info", "myapp", "three")]
    [InlineData("releases:info", "myapp", "v0")]
    [InlineData("releases:rollback", "myapp", "v")]
    [InlineData("releases:rollback", "myapp", "-2")]
    public async Task BadVersion_ErrorBeforeAnyCall(string command, string app, string version)
    {
        var exitCode = await harness.RunAsync(command, app, version);

        Assert.Equal(1, exitCode);
        Assert.Contains($"'{version}' is not a release", harness.Output.Errors.Single(), StringComparison.Ordinal);
        Assert.Empty(harness.Factory.Connections);
    }

    [Fact]
    public async Task Rollback_BadAppAndVersion_ReportsBoth()
    {
        var exitCode = await harness.RunAsync("releases:rollback", "My_App", "vx");

        Assert.Equal(1, exitCode);
        Assert.Equal(2, harness.Output.Errors.Count);
        Assert.Empty(harness.Factory.Connections);
    }

    [Fact]
    public async Task Rollback_NoVersion_AsksForTheDefaultAndWritesResult()
    {
        harness.Api.Rollback = Rollback();

        var exitCode = await harness.RunAsync("releases:rollback", "myapp");

        Assert.Equal(0, exitCode);
        Assert.Equal(["Rollback myapp 0"], harness.Api.Calls);
        Assert.Equal(
            [
                "Rolled myapp back to v1: v3 runs its image and config, and is deployed.",
                "URL: http://myapp.localhost:8080/",
            ],
            harness.Output.Lines);
    }

    [Fact]
    public async Task Rollback_AppConfigDiffers_WarnsThatItAppliesAgainLater()
    {
        harness.Api.Rollback = Rollback();
        harness.Api.Rollback.AppConfigVersion = 4;

        var exitCode = await harness.RunAsync("releases:rollback", "myapp");

        Assert.Equal(0, exitCode);
        Assert.Equal(
            [
                "v3 runs the config of v1 (version 1), but the app's config vars (version 4) differ and apply " +
                "again with the next config change or push; berth releases:info myapp v3 lists the keys it runs with.",
            ],
            harness.Output.Warnings);
    }

    [Fact]
    public async Task Rollback_AppConfigSame_DoesNotWarn()
    {
        harness.Api.Rollback = Rollback();

        await harness.RunAsync("releases:rollback", "myapp");

        Assert.Empty(harness.Output.Warnings);
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("1")]
    public async Task Rollback_Version_SendsIt(string version)
    {
        harness.Api.Rollback = Rollback();

        var exitCode = await harness.RunAsync("releases:rollback", "myapp", version);

        Assert.Equal(0, exitCode);
        Assert.Equal(["Rollback myapp 1"], harness.Api.Calls);
    }

    [Fact]
    public async Task Rollback_Json_WritesTargetReleaseAndUrl()
    {
        harness.Api.Rollback = Rollback();

        var exitCode = await harness.RunAsync("releases:rollback", "myapp", "v1", "--format", "json");

        Assert.Equal(0, exitCode);
        var line = harness.Output.Lines.Single();
        Assert.StartsWith("{\"app\":\"myapp\",\"target\":1,\"release\":{\"app\":\"myapp\",\"version\":3,", line);
        Assert.EndsWith(
            ",\"url\":\"http://myapp.localhost:8080/\",\"app_config_version\":0}",
            line,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollback_ServerRefuses_PrintsItsSentence()
    {
        harness.Api.Failure = new RpcException(new Status(
            StatusCode.FailedPrecondition,
            "v2 of 'myapp' failed to deploy, so it cannot be rolled back to"));

        var exitCode = await harness.RunAsync("releases:rollback", "myapp", "v2");

        Assert.Equal(1, exitCode);
        Assert.Equal(["v2 of 'myapp' failed to deploy, so it cannot be rolled back to"], harness.Output.Errors);
        Assert.Empty(harness.Output.Lines);
    }

    public void Dispose() => harness.Dispose();

    private static ListReleasesResponse Releases()
    {
        var response = new ListReleasesResponse { App = "myapp", CurrentRelease = 3 };
        response.Releases.Add(Release(3, "deployed", "rollback to v1", "sha256:0123456789abcdef", 1, "11:55"));
        response.Releases[0].Current = true;
        response.Releases[0].GitRevision = "1a2b3c4d5e6f";
        // The server sends newest first; the CLI sorts anyway.
        response.Releases.Add(Release(1, "deployed", "deploy 1a2b3c4", "sha256:0123456789abcdef", 1, "11:45"));
        response.Releases.Add(Release(2, "failed", "deploy 5e6f7a8", "sha256:fedcba9876543210", 2, "11:50"));
        response.Releases[1].GitRevision = "1a2b3c4d5e6f";
        response.Releases[2].GitRevision = "5e6f7a8b9c0d";
        return response;
    }

    private static ReleaseInfo Release(
        int version,
        string state,
        string description,
        string digest,
        int configVersion,
        string time)
    {
        var release = new ReleaseInfo
        {
            App = "myapp",
            Version = version,
            State = state,
            Description = description,
            Image = "127.0.0.1:5000/myapp:v1",
            Digest = digest,
            ConfigVersion = configVersion,
            CreatedAt = $"2025-06-01T{time}:00.0000000+00:00",
            CreatedBy = version == 2 ? "" : "alice@laptop",
        };
        release.Processes.Add(new Dictionary<string, string> { ["web"] = "./serve", ["worker"] = "./work" });
        release.ConfigKeys.Add(["DATABASE_URL", "MODE"]);
        return release;
    }

    private static RollbackResponse Rollback() => new()
    {
        App = "myapp",
        Target = 1,
        Release = Releases().Releases[0],
        Url = "http://myapp.localhost:8080/",
    };
}
