using Berth.ControlPlane.Git;

namespace Berth.ControlPlane.Tests.Git;

public sealed class GitRepositoriesTests : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly GitRepositories repositories;

    public GitRepositoriesTests()
    {
        var (options, errors) = ControlPlaneOptions.Parse(["--data-dir", directory.File("data")]);
        Assert.Empty(errors);
        repositories = new GitRepositories(options!);
    }

    [Fact]
    public void Root_IsGitUnderTheDataDirectory()
    {
        Assert.Equal(Path.Combine(directory.File("data"), "git"), repositories.Root);
    }

    [Fact]
    public void PathOf_ValidName_IsNameDotGitUnderRoot()
    {
        Assert.Equal(Path.Combine(repositories.Root, "my-shop.git"), repositories.PathOf("my-shop"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Shop")]
    [InlineData("../etc")]
    [InlineData("shop/../../x")]
    [InlineData("shop.git")]
    [InlineData("1shop")]
    [InlineData("shop-")]
    public void PathOf_InvalidName_Throws(string app)
    {
        Assert.Throws<ArgumentException>(() => repositories.PathOf(app));
    }

    [Fact]
    public async Task EnsureAsync_NewApp_CreatesBareRepositoryWithHeadOnMain()
    {
        await repositories.EnsureAsync("shop", CancellationToken.None);

        var path = repositories.PathOf("shop");
        Assert.Equal("true", await GitProcess.GitAsync(path, "rev-parse", "--is-bare-repository"));
        Assert.Equal("ref: refs/heads/main", File.ReadAllText(Path.Combine(path, "HEAD")).Trim());
    }

    [Fact]
    public async Task EnsureAsync_NewApp_EnablesReceivePackOverHttp()
    {
        await repositories.EnsureAsync("shop", CancellationToken.None);

        var path = repositories.PathOf("shop");
        Assert.Equal("true", await GitProcess.GitAsync(path, "config", "--get", "http.receivepack"));
    }

    [Fact]
    public async Task EnsureAsync_NewApp_InstallsAnExecutableShellPreReceiveHook()
    {
        await repositories.EnsureAsync("shop", CancellationToken.None);

        var hook = Path.Combine(repositories.PathOf("shop"), "hooks", "pre-receive");
        Assert.True(File.GetUnixFileMode(hook).HasFlag(UnixFileMode.UserExecute));
        Assert.StartsWith("#!/bin/sh\n", File.ReadAllText(hook), StringComparison.Ordinal);
        var (exitCode, output) = await GitProcess.RunAsync(directory.Path, null, "sh", "-n", hook);
        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task EnsureAsync_SecondCall_IsHarmlessAndKeepsTheRepository()
    {
        await repositories.EnsureAsync("shop", CancellationToken.None);
        var marker = Path.Combine(repositories.PathOf("shop"), "description");
        File.WriteAllText(marker, "kept");

        await repositories.EnsureAsync("shop", CancellationToken.None);

        Assert.Equal("kept", File.ReadAllText(marker));
        var bare = await GitProcess.GitAsync(repositories.PathOf("shop"), "rev-parse", "--is-bare-repository");
        Assert.Equal("true", bare);
    }

    [Fact]
    public async Task EnsureAsync_HookOfAnOlderVersion_IsReplaced()
    {
        await repositories.EnsureAsync("shop", CancellationToken.None);
        var hook = Path.Combine(repositories.PathOf("shop"), "hooks", "pre-receive");
        var current = File.ReadAllText(hook);
        File.WriteAllText(hook, "#!/bin/sh\nexit 0\n");

        await repositories.EnsureAsync("shop", CancellationToken.None);

        Assert.Equal(current, File.ReadAllText(hook));
        Assert.True(File.GetUnixFileMode(hook).HasFlag(UnixFileMode.UserExecute));
    }

    [Fact]
    public async Task EnsureAsync_TwoApps_CreatesTwoRepositories()
    {
        await repositories.EnsureAsync("shop", CancellationToken.None);
        await repositories.EnsureAsync("blog", CancellationToken.None);

        Assert.True(Directory.Exists(repositories.PathOf("shop")));
        Assert.True(Directory.Exists(repositories.PathOf("blog")));
    }

    [Fact]
    public async Task Delete_Existing_RemovesOnlyThatRepository()
    {
        await repositories.EnsureAsync("shop", CancellationToken.None);
        await repositories.EnsureAsync("blog", CancellationToken.None);

        repositories.Delete("shop");

        Assert.False(Directory.Exists(repositories.PathOf("shop")));
        Assert.True(Directory.Exists(repositories.PathOf("blog")));
    }

    [Fact]
    public void Delete_NeverCreated_DoesNothing()
    {
        repositories.Delete("ghost");

        Assert.False(Directory.Exists(repositories.PathOf("ghost")));
    }

    [Fact]
    public async Task Delete_ThenEnsure_CreatesAFreshRepository()
    {
        await repositories.EnsureAsync("shop", CancellationToken.None);
        repositories.Delete("shop");

        await repositories.EnsureAsync("shop", CancellationToken.None);

        Assert.True(File.Exists(Path.Combine(repositories.PathOf("shop"), "hooks", "pre-receive")));
    }

    public void Dispose() => directory.Dispose();
}
