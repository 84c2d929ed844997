using Berth.Cli.Errors;
using Berth.Cli.Git;
using Berth.Cli.Tests.Support;

namespace Berth.Cli.Tests.Git;

/// <summary>The git side of git:remote, against real temporary repositories, with no server.</summary>
public sealed class GitRemoteConfigurerTests : IDisposable
{
    private const string BaseUrl = "http://127.0.0.1:7001/git";
    private const string HelperKey = $"credential.{BaseUrl}.helper";
    private const string Helper = "!\"/usr/bin/dotnet\" \"/opt/berth/berth.dll\" git-credential";

    private readonly TempDirectory directory = new();
    private readonly GitRemoteConfigurer configurer = new(new GitProcessRunner());

    [Fact]
    public async Task Configure_NewRemote_AddsRemoteAndCredentialHelper()
    {
        await GitCli.InitAsync(directory.Path);

        var added = await configurer.ConfigureAsync(Request("berth"), CancellationToken.None);

        Assert.True(added);
        Assert.Equal($"{BaseUrl}/myapp.git", await GitCli.OutputAsync(directory.Path, "remote", "get-url", "berth"));
        Assert.Equal(
            ["", Helper],
            (await GitCli.OutputAsync(directory.Path, "config", "--get-all", HelperKey)).Split('\n'));
    }

    [Fact]
    public async Task Configure_ExistingRemote_UpdatesUrlAndKeepsOneHelper()
    {
        await GitCli.InitAsync(directory.Path);
        await GitCli.OutputAsync(directory.Path, "remote", "add", "berth", "http://old.example/x.git");

        await configurer.ConfigureAsync(Request("berth"), CancellationToken.None);
        var added = await configurer.ConfigureAsync(Request("berth"), CancellationToken.None);

        Assert.False(added);
        Assert.Equal($"{BaseUrl}/myapp.git", await GitCli.OutputAsync(directory.Path, "remote", "get-url", "berth"));
        Assert.Equal(Helper, await GitCli.OutputAsync(directory.Path, "config", "--get", HelperKey));
        var helpers = await GitCli.OutputAsync(directory.Path, "config", "--get-all", HelperKey);
        Assert.Equal(2, helpers.Split('\n').Length);
    }

    [Fact]
    public async Task Configure_TokenNeverWrittenToRepository()
    {
        await GitCli.InitAsync(directory.Path);

        await configurer.ConfigureAsync(Request("berth"), CancellationToken.None);

        var config = await File.ReadAllTextAsync(Path.Combine(directory.Path, ".git", "config"));
        Assert.DoesNotContain("password", config, StringComparison.Ordinal);
        Assert.DoesNotContain("@127.0.0.1", config, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configure_OutsideRepository_FailsClearly()
    {
        var exception = await Assert.ThrowsAsync<CliException>(
            () => configurer.ConfigureAsync(Request("berth"), CancellationToken.None));

        Assert.Contains("is not inside a git repository", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configure_FromSubdirectory_ConfiguresEnclosingRepository()
    {
        await GitCli.InitAsync(directory.Path);
        var subdirectory = Directory.CreateDirectory(directory.Combine("src", "app")).FullName;
        var request = Request("berth") with { WorkingDirectory = subdirectory };

        await configurer.ConfigureAsync(request, CancellationToken.None);

        Assert.Equal($"{BaseUrl}/myapp.git", await GitCli.OutputAsync(directory.Path, "remote", "get-url", "berth"));
    }

    [Fact]
    public async Task Configure_InvalidRemoteName_ReportsGitError()
    {
        await GitCli.InitAsync(directory.Path);

        var exception = await Assert.ThrowsAsync<CliException>(
            () => configurer.ConfigureAsync(Request("bad name"), CancellationToken.None));

        Assert.StartsWith("git remote add bad name failed", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RemoteUrl_BaseWithTrailingSlash_JoinsOnce()
    {
        var request = Request("berth") with { GitBaseUrl = BaseUrl + "/" };

        Assert.Equal($"{BaseUrl}/myapp.git", request.RemoteUrl);
    }

    private GitRemoteRequest Request(string remote) => new(directory.Path, remote, BaseUrl, "myapp", Helper);

    public void Dispose() => directory.Dispose();
}
