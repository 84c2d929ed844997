using Berth.Cli.Configuration;
using Berth.Cli.Git;
using Berth.Cli.Tests.Support;

namespace Berth.Cli.Tests.Commands;

public sealed class GitCredentialCommandTests : IDisposable
{
    private const string GitRequest = "protocol=http\nhost=127.0.0.1:7001\nusername=berth\n\n";

    private readonly CliHarness harness = new();

    [Fact]
    public async Task Get_LoggedIn_PrintsUserAndToken()
    {
        harness.LogIn();
        harness.Input = GitRequest;

        var exitCode = await harness.RunAsync("git-credential", "get");

        Assert.Equal(0, exitCode);
        Assert.Equal([$"username={CliHarness.Actor}", $"password={CliHarness.Token}"], harness.Output.Lines);
        Assert.Empty(harness.Api.Calls);
    }

    [Fact]
    public async Task Get_OtherHost_PrintsNothing()
    {
        harness.LogIn();
        harness.Input = "protocol=https\nhost=github.com\n\n";

        var exitCode = await harness.RunAsync("git-credential", "get");

        Assert.Equal(0, exitCode);
        Assert.Empty(harness.Output.Lines);
    }

    [Fact]
    public async Task Get_NoGitUrlSaved_AnswersAnyHost()
    {
        harness.LogIn(gitBaseUrl: null);
        harness.Input = "protocol=http\nhost=git.internal:9000\n\n";

        await harness.RunAsync("git-credential", "get");

        Assert.Equal($"password={CliHarness.Token}", harness.Output.Lines[^1]);
    }

    [Fact]
    public async Task Get_TokenFromEnvironment_OverridesSavedToken()
    {
        harness.LogIn();
        harness.Variables[ServerSettingsResolver.TokenVariable] = "env-token";
        harness.Input = GitRequest;

        await harness.RunAsync("git-credential", "get");

        Assert.Equal("password=env-token", harness.Output.Lines[^1]);
    }

    [Fact]
    public async Task Get_NotLoggedIn_FailsWithLoginHint()
    {
        harness.Input = GitRequest;

        var exitCode = await harness.RunAsync("git-credential", "get");

        Assert.Equal(1, exitCode);
        Assert.Empty(harness.Output.Lines);
        Assert.Contains("not logged in", harness.Output.Errors.Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("store")]
    [InlineData("erase")]
    public async Task StoreOrErase_Anything_DoesNothing(string operation)
    {
        harness.LogIn();
        harness.Input = GitRequest.Replace("\n\n", "\npassword=other\n\n", StringComparison.Ordinal);
        var before = await File.ReadAllTextAsync(harness.ConfigPath);

        var exitCode = await harness.RunAsync("git-credential", operation);

        Assert.Equal(0, exitCode);
        Assert.Empty(harness.Output.Lines);
        Assert.Equal(before, await File.ReadAllTextAsync(harness.ConfigPath));
    }

    /// <summary>
    /// The whole loop: git reads the helper that git:remote configures and runs the built
    /// berth.dll, which answers from the saved login.
    /// </summary>
    [Fact]
    public async Task GitCredentialFill_ConfiguredHelper_GetsTokenFromBerth()
    {
        harness.LogIn();
        await GitCli.InitAsync(harness.WorkingDirectory);
        var helper = CredentialHelperCommand.Build(DotnetHost(), Path.Combine(AppContext.BaseDirectory, "berth.dll"));
        var request = new GitRemoteRequest(
            harness.WorkingDirectory,
            "berth",
            "http://127.0.0.1:7001/git",
            "myapp",
            helper);
        await new GitRemoteConfigurer(new GitProcessRunner()).ConfigureAsync(request, CancellationToken.None);

        var (exitCode, output, error) = await GitCli.RunAsync(
            harness.WorkingDirectory,
            ["credential", "fill"],
            "url=http://127.0.0.1:7001/git/myapp.git\n\n",
            new Dictionary<string, string>
            {
                [CliConfigPath.ConfigVariable] = harness.ConfigPath,
                ["GIT_TERMINAL_PROMPT"] = "0",
                ["GIT_ASKPASS"] = "",
            });

        Assert.True(exitCode == 0, error);
        var actor = CliEnvironment.ActorOf(Environment.UserName, Environment.MachineName);
        Assert.Contains($"username={actor}\n", output, StringComparison.Ordinal);
        Assert.Contains($"password={CliHarness.Token}\n", output, StringComparison.Ordinal);
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    public void Dispose() => harness.Dispose();
}
