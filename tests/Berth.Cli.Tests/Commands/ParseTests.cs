using Berth.Cli.Tests.Support;

namespace Berth.Cli.Tests.Commands;

/// <summary>Which command lines parse, for every command; none of these run anything.</summary>
public sealed class ParseTests : IDisposable
{
    private readonly CliHarness harness = new();

    [Theory]
    [InlineData("login", "http://127.0.0.1:7000", "--token-file", "/tmp/token")]
    [InlineData("login", "http://127.0.0.1:7000", "--token", "abc")]
    [InlineData("apps:create", "myapp")]
    [InlineData("apps:list")]
    [InlineData("apps:info", "myapp")]
    [InlineData("apps:destroy", "myapp")]
    [InlineData("apps:destroy", "myapp", "--force")]
    [InlineData("config:show", "myapp")]
    [InlineData("config", "myapp")]
    [InlineData("config:set", "myapp", "A=1")]
    [InlineData("config:set", "myapp", "A=1", "B=two words", "C=")]
    [InlineData("config:unset", "myapp", "A")]
    [InlineData("config:unset", "myapp", "A", "B")]
    [InlineData("domains:add", "myapp", "www.example.com")]
    [InlineData("domains:remove", "myapp", "www.example.com")]
    [InlineData("domains:report", "myapp")]
    [InlineData("ps", "myapp")]
    [InlineData("ps:scale", "myapp")]
    [InlineData("ps:scale", "myapp", "web=2", "worker=1")]
    [InlineData("ps", "myapp", "--format", "json")]
    [InlineData("ps", "myapp", "--format", "text")]
    [InlineData("ps:scale", "myapp", "--format", "json")]
    [InlineData("ps:scale", "myapp", "web=2", "--format", "json")]
    [InlineData("ps:stop", "myapp")]
    [InlineData("ps:start", "myapp")]
    [InlineData("ps:restart", "myapp")]
    [InlineData("ps:restart", "myapp", "worker")]
    [InlineData("ps:rebuild", "myapp")]
    [InlineData("ps:report", "myapp")]
    [InlineData("ps:report", "myapp", "--format", "json")]
    [InlineData("ps:set", "myapp", "web", "constraint")]
    [InlineData("ps:set", "myapp", "web", "constraint", "zone=a", "disk=ssd")]
    [InlineData("ps:set", "myapp", "web", "memory=256m")]
    [InlineData("ps:set", "myapp", "web", "memory", "256m")]
    [InlineData("ps:set", "myapp", "web", "max-parallel=2")]
    [InlineData("nodes:list")]
    [InlineData("nodes:label", "node-1", "zone=a")]
    [InlineData("nodes:label", "node-1", "zone=a", "disk-")]
    [InlineData("git:remote", "myapp")]
    [InlineData("git:remote", "myapp", "--remote", "production")]
    [InlineData("git-credential", "get")]
    [InlineData("git-credential", "store")]
    [InlineData("git-credential", "erase")]
    [InlineData("apps:list", "--verbose")]
    [InlineData("--verbose", "apps:list")]
    public void Parse_GoodArguments_HasNoErrors(params string[] arguments)
    {
        var result = harness.Parse(arguments);

        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData("login")]
    [InlineData("login", "http://127.0.0.1:7000")]
    [InlineData("login", "http://127.0.0.1:7000", "--token", "a", "--token-file", "f")]
    [InlineData("login", "http://127.0.0.1:7000", "--token")]
    [InlineData("apps:create")]
    [InlineData("apps:create", "a", "b")]
    [InlineData("apps:list", "extra")]
    [InlineData("apps:info")]
    [InlineData("apps:destroy")]
    [InlineData("apps:destroy", "myapp", "--yes")]
    [InlineData("config:show")]
    [InlineData("config")]
    [InlineData("config:set", "myapp")]
    [InlineData("config:set")]
    [InlineData("config:unset", "myapp")]
    [InlineData("domains:add", "myapp")]
    [InlineData("domains:add", "myapp", "a.com", "b.com")]
    [InlineData("domains:remove", "myapp")]
    [InlineData("domains:report")]
    [InlineData("ps")]
    [InlineData("ps:scale")]
    [InlineData("ps", "myapp", "--format")]
    [InlineData("ps", "myapp", "--format", "yaml")]
    [InlineData("ps:stop")]
    [InlineData("ps:stop", "myapp", "web")]
    [InlineData("ps:start", "myapp", "web")]
    [InlineData("ps:restart")]
    [InlineData("ps:restart", "myapp", "web", "worker")]
    [InlineData("ps:rebuild", "myapp", "web")]
    [InlineData("ps:report")]
    [InlineData("ps:set", "myapp", "web")]
    [InlineData("ps:set", "myapp")]
    [InlineData("nodes:list", "extra")]
    [InlineData("nodes:label", "node-1")]
    [InlineData("nodes:label")]
    [InlineData("git:remote")]
    [InlineData("git:remote", "myapp", "--remote")]
    [InlineData("git-credential")]
    [InlineData("git-credential", "fetch")]
    [InlineData("apps:creat", "myapp")]
    public void Parse_BadArguments_HasErrors(params string[] arguments)
    {
        var result = harness.Parse(arguments);

        Assert.NotEmpty(result.Errors);
    }

    [Fact]
    public void Parse_ConfigSetPairs_KeepsEveryPairAsGiven()
    {
        var result = harness.Parse("config:set", "myapp", "A=1", "B=x=y", "C=");

        Assert.Equal(["myapp", "A=1", "B=x=y", "C="], result.CommandResult.Tokens.Select(token => token.Value));
    }

    [Fact]
    public void Parse_ArgumentStartingWithAt_IsNotReadAsResponseFile()
    {
        var result = harness.Parse("domains:add", "myapp", "@domains.txt");

        Assert.Empty(result.Errors);
        Assert.Equal("@domains.txt", result.CommandResult.Tokens[^1].Value);
    }

    [Fact]
    public async Task RunAsync_UsageError_ExitsWithTwoAndPrintsErrorLines()
    {
        var exitCode = await harness.RunAsync("apps:creat", "myapp");

        Assert.Equal(2, exitCode);
        Assert.Contains(harness.Output.Errors, error => error.Contains("apps:creat", StringComparison.Ordinal));
        Assert.Contains(harness.Output.Diagnostics, hint => hint.Contains("apps:create", StringComparison.Ordinal));
        Assert.Empty(harness.Api.Calls);
    }

    [Fact]
    public async Task RunAsync_NoArguments_PrintsHelp()
    {
        var exitCode = await harness.RunAsync();

        Assert.Equal(0, exitCode);
        Assert.Contains("apps:create", harness.Help.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Help_HidesCredentialHelper()
    {
        await harness.RunAsync("--help");

        Assert.DoesNotContain("git-credential", harness.Help.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => harness.Dispose();
}
