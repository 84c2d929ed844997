using System.Text;
using Berth.ControlPlane.Git;

namespace Berth.ControlPlane.Tests.Git;

/// <summary>
/// Pushes to a repository made by <see cref="GitRepositories"/> over git's local transport,
/// which runs the same pre-receive hook as a push over HTTP.
/// </summary>
public sealed class PreReceiveHookTests : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly GitRepositories repositories;
    private readonly string work;

    public PreReceiveHookTests()
    {
        var (options, errors) = ControlPlaneOptions.Parse(["--data-dir", directory.File("data")]);
        Assert.Empty(errors);
        repositories = new GitRepositories(options!);
        work = directory.File("work");
    }

    [Fact]
    public async Task Push_MainAndEndpointAnswersOk_IsAcceptedAndSendsTheTree()
    {
        using var endpoint = new HookEndpointStub("building image\n@@berth:ok\n");
        var revision = await PrepareAsync();

        var (exitCode, output) = await PushAsync(endpoint.Url, "main");

        Assert.True(exitCode == 0, output);
        Assert.Contains("building image", output, StringComparison.Ordinal);
        Assert.DoesNotContain("@@berth:ok", output, StringComparison.Ordinal);
        var request = Assert.Single(endpoint.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("Bearer hook-token", request.Authorization);
        Assert.Equal("alice@laptop", request.Actor);
        Assert.Equal("application/x-tar", request.ContentType);
        Assert.Equal(revision, request.Revision);
        Assert.Contains("Procfile", Encoding.ASCII.GetString(request.Body), StringComparison.Ordinal);
        Assert.Equal(revision, await GitProcess.GitAsync(repositories.PathOf("shop"), "rev-parse", "main"));
    }

    [Fact]
    public async Task Push_MainAndEndpointDoesNotAnswerOk_IsRefused()
    {
        using var endpoint = new HookEndpointStub("build failed: no Dockerfile\n");
        await PrepareAsync();

        var (exitCode, output) = await PushAsync(endpoint.Url, "main");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("build failed: no Dockerfile", output, StringComparison.Ordinal);
        Assert.Contains("pre-receive hook declined", output, StringComparison.Ordinal);
        var (_, refs) = await GitProcess.RunAsync(
            repositories.PathOf("shop"), null, "git", "show-ref");
        Assert.Equal("", refs.Trim());
    }

    [Fact]
    public async Task Push_MainAndEndpointUnreachable_IsRefused()
    {
        await PrepareAsync();

        var (exitCode, output) = await PushAsync("http://127.0.0.1:1/hook", "main");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("pre-receive hook declined", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Push_OtherBranch_IsStoredWithoutCallingTheEndpoint()
    {
        using var endpoint = new HookEndpointStub("@@berth:ok\n");
        var revision = await PrepareAsync();

        var (exitCode, output) = await PushAsync(endpoint.Url, "main:feature");

        Assert.True(exitCode == 0, output);
        Assert.Contains("stored, not deployed", output, StringComparison.Ordinal);
        Assert.Empty(endpoint.Requests);
        Assert.Equal(revision, await GitProcess.GitAsync(repositories.PathOf("shop"), "rev-parse", "feature"));
    }

    [Fact]
    public async Task Push_Master_IsDeployedLikeMain()
    {
        using var endpoint = new HookEndpointStub("@@berth:ok\n");
        await PrepareAsync();

        var (exitCode, output) = await PushAsync(endpoint.Url, "main:master");

        Assert.True(exitCode == 0, output);
        Assert.Single(endpoint.Requests);
    }

    public void Dispose() => directory.Dispose();

    private async Task<string> PrepareAsync()
    {
        await repositories.EnsureAsync("shop", CancellationToken.None);
        Directory.CreateDirectory(work);
        await GitProcess.GitAsync(work, "init", "--quiet", "-b", "main");
        File.WriteAllText(Path.Combine(work, "Procfile"), "web: httpd -f -p $PORT\n");
        await GitProcess.GitAsync(work, "add", "Procfile");
        await GitProcess.GitAsync(
            work, "-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "--quiet", "-m", "first");
        return await GitProcess.GitAsync(work, "rev-parse", "HEAD");
    }

    private Task<(int ExitCode, string Output)> PushAsync(string hookUrl, string refspec)
    {
        var environment = new Dictionary<string, string>
        {
            ["BERTH_HOOK_URL"] = hookUrl,
            ["BERTH_HOOK_TOKEN"] = "hook-token",
            ["REMOTE_USER"] = "alice@laptop",
        };
        return GitProcess.RunAsync(work, environment, "git", "push", repositories.PathOf("shop"), refspec);
    }
}
