using Berth.Cli.Tests.Support;
using Grpc.Core;

namespace Berth.Cli.Tests.Commands;

/// <summary>git:remote end to end: a fake control plane gives the git URL, real git is configured.</summary>
public sealed class GitRemoteCommandTests : IDisposable
{
    private const string BaseUrl = "http://127.0.0.1:7001/git";

    private readonly CliHarness harness = new();

    public GitRemoteCommandTests() => harness.LogIn();

    [Fact]
    public async Task Remote_InRepository_AddsBerthRemoteWithHelperRunningThisCli()
    {
        await GitCli.InitAsync(harness.WorkingDirectory);

        var exitCode = await harness.RunAsync("git:remote", "myapp");

        Assert.Equal(0, exitCode);
        Assert.Equal(["GetClusterInfo"], harness.Api.Calls);
        Assert.Equal($"{BaseUrl}/myapp.git", await RemoteUrlAsync("berth"));
        Assert.Equal(
            "!\"/usr/bin/dotnet\" \"/opt/berth/berth.dll\" git-credential",
            await GitCli.OutputAsync(harness.WorkingDirectory, "config", "--get", $"credential.{BaseUrl}.helper"));
        Assert.Contains("git push berth main", harness.Output.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remote_CustomName_UsesIt()
    {
        await GitCli.InitAsync(harness.WorkingDirectory);

        var exitCode = await harness.RunAsync("git:remote", "myapp", "--remote", "production");

        Assert.Equal(0, exitCode);
        Assert.Equal($"{BaseUrl}/myapp.git", await RemoteUrlAsync("production"));
    }

    [Fact]
    public async Task Remote_OutsideRepository_FailsWithoutCallingServer()
    {
        var exitCode = await harness.RunAsync("git:remote", "myapp");

        Assert.Equal(1, exitCode);
        Assert.Contains("is not inside a git repository", harness.Output.Errors.Single(), StringComparison.Ordinal);
        Assert.Empty(harness.Api.Calls);
    }

    [Fact]
    public async Task Remote_InvalidApp_FailsBeforeGit()
    {
        var exitCode = await harness.RunAsync("git:remote", "Bad_App");

        Assert.Equal(1, exitCode);
        Assert.Contains("is not a valid app name", harness.Output.Errors.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remote_ServerGivesNoGitUrl_FailsClearly()
    {
        await GitCli.InitAsync(harness.WorkingDirectory);
        harness.Api.ClusterInfo.GitBaseUrl = "";

        var exitCode = await harness.RunAsync("git:remote", "myapp");

        Assert.Equal(1, exitCode);
        Assert.Contains("no usable git URL", harness.Output.Errors.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remote_TokenRefused_SaysToLogInAgain()
    {
        await GitCli.InitAsync(harness.WorkingDirectory);
        harness.Api.Failure = new RpcException(new Status(StatusCode.Unauthenticated, "no"));

        var exitCode = await harness.RunAsync("git:remote", "myapp");

        Assert.Equal(1, exitCode);
        Assert.Equal(["the control plane refused the token; run berth login again"], harness.Output.Errors);
    }

    private Task<string> RemoteUrlAsync(string remote) =>
        GitCli.OutputAsync(harness.WorkingDirectory, "remote", "get-url", remote);

    public void Dispose() => harness.Dispose();
}
