using Berth.Cli.Commands;
using Berth.Cli.Configuration;
using Berth.Cli.Errors;
using Berth.Cli.Tests.Support;
using Grpc.Core;

namespace Berth.Cli.Tests.Commands;

public sealed class LoginCommandTests : IDisposable
{
    private readonly CliHarness harness = new();

    [Fact]
    public async Task Login_TokenFile_ChecksAndSavesTrimmedToken()
    {
        var tokenFile = Path.Combine(harness.Root, "token");
        await File.WriteAllTextAsync(tokenFile, "  file-token\n");

        var exitCode = await harness.RunAsync("login", "http://127.0.0.1:7000/", "--token-file", tokenFile);

        Assert.Equal(0, exitCode);
        Assert.Equal(["GetClusterInfo"], harness.Api.Calls);
        Assert.Equal(new ServerSettings("http://127.0.0.1:7000", "file-token"), harness.Factory.Connections.Single());
        var saved = new CliConfigStore(harness.ConfigPath).Load();
        Assert.Equal(new CliConfig("http://127.0.0.1:7000", "file-token", "http://127.0.0.1:7001/git"), saved);
    }

    [Fact]
    public async Task Login_RelativeTokenFile_ReadsFromWorkingDirectory()
    {
        await File.WriteAllTextAsync(Path.Combine(harness.WorkingDirectory, "token"), "relative-token");

        var exitCode = await harness.RunAsync("login", CliHarness.Url, "--token-file", "token");

        Assert.Equal(0, exitCode);
        Assert.Equal("relative-token", harness.Factory.Connections.Single().Token);
    }

    [Fact]
    public async Task Login_TokenOption_SavesItAndSaysWhere()
    {
        var exitCode = await harness.RunAsync("login", CliHarness.Url, "--token", "inline");

        Assert.Equal(0, exitCode);
        Assert.Equal("inline", new CliConfigStore(harness.ConfigPath).Load()!.Token);
        Assert.Contains(harness.Output.Lines, line => line.Contains(harness.ConfigPath, StringComparison.Ordinal));
        Assert.DoesNotContain("inline", harness.Output.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_MissingTokenFile_FailsBeforeAnyCall()
    {
        var exitCode = await harness.RunAsync("login", CliHarness.Url, "--token-file", "/nonexistent/token");

        Assert.Equal(1, exitCode);
        Assert.Contains(
            "cannot read the token file /nonexistent/token",
            harness.Output.Errors.Single(),
            StringComparison.Ordinal);
        Assert.Empty(harness.Api.Calls);
    }

    [Fact]
    public async Task Login_BadUrlAndEmptyToken_ReportsBoth()
    {
        var exitCode = await harness.RunAsync("login", "127.0.0.1:7000", "--token", " ");

        Assert.Equal(1, exitCode);
        Assert.Equal(2, harness.Output.Errors.Count);
        Assert.Empty(harness.Api.Calls);
    }

    [Fact]
    public async Task Login_TokenRefused_SavesNothing()
    {
        harness.Api.Failure = new RpcException(new Status(StatusCode.Unauthenticated, "bad token"));

        var exitCode = await harness.RunAsync("login", CliHarness.Url, "--token", "wrong");

        Assert.Equal(1, exitCode);
        Assert.Equal(ErrorMessages.TokenRefused, harness.Output.Errors.Single());
        Assert.False(File.Exists(harness.ConfigPath));
    }

    [Fact]
    public async Task Login_EnvironmentOverrideSet_Warns()
    {
        harness.Variables[ServerSettingsResolver.TokenVariable] = "from-env";

        await harness.RunAsync("login", CliHarness.Url, "--token", "inline");

        Assert.Contains("BERTH_TOKEN", harness.Output.Warnings.Single(), StringComparison.Ordinal);
        Assert.Equal("inline", harness.Factory.Connections.Single().Token);
    }

    [Theory]
    [InlineData("http://127.0.0.1:7000", "http://127.0.0.1:7000")]
    [InlineData("https://berth.example.com/", "https://berth.example.com")]
    [InlineData("127.0.0.1:7000", null)]
    [InlineData("ftp://host", null)]
    [InlineData("not a url", null)]
    public void NormalizeUrl_Text_AcceptsOnlyHttpUrls(string text, string? expected)
    {
        Assert.Equal(expected, LoginCommand.NormalizeUrl(text));
    }

    public void Dispose() => harness.Dispose();
}
