using Berth.Cli.Commands;
using Berth.Cli.Tests.Support;
using Berth.Contracts;

namespace Berth.Cli.Tests.Commands;

public sealed class ConfigCommandsTests : IDisposable
{
    private readonly CliHarness harness = new();

    public ConfigCommandsTests()
    {
        harness.LogIn();
        harness.Api.Config = new ConfigResponse
        {
            App = "myapp",
            Values = { ["DATABASE_URL"] = "postgres://db", ["A"] = "1" },
            Version = 3,
            Release = 5,
        };
    }

    [Theory]
    [InlineData("config:show")]
    [InlineData("config")]
    public async Task Show_App_WritesSortedValues(string command)
    {
        var exitCode = await harness.RunAsync(command, "myapp");

        Assert.Equal(0, exitCode);
        Assert.Equal(["GetConfig myapp"], harness.Api.Calls);
        Assert.Equal("=====> myapp config vars (version 3)", harness.Output.Lines[0]);
        Assert.StartsWith("A:", harness.Output.Lines[1], StringComparison.Ordinal);
        Assert.EndsWith(" postgres://db", harness.Output.Lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_Pairs_SendsValuesAndPrintsRelease()
    {
        var exitCode = await harness.RunAsync("config:set", "myapp", "A=1", "B=x=y", "EMPTY=", "A=2");

        Assert.Equal(0, exitCode);
        Assert.Equal(
            new Dictionary<string, string> { ["A"] = "2", ["B"] = "x=y", ["EMPTY"] = "" },
            harness.Api.LastConfigValues);
        Assert.Contains("Released v5", harness.Output.Lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_NoRestart_AsksTheServerNotToRestart()
    {
        harness.Api.Config.Release = 0;

        var exitCode = await harness.RunAsync("config:set", "myapp", "A=1", "--no-restart");

        Assert.Equal(0, exitCode);
        Assert.True(harness.Api.LastNoRestart);
        Assert.Contains("without a restart", harness.Output.Lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unset_NoRestart_AsksTheServerNotToRestart()
    {
        await harness.RunAsync("config:unset", "myapp", "A", "--no-restart");

        Assert.True(harness.Api.LastNoRestart);
    }

    [Fact]
    public async Task Set_NoReleaseYet_SaysConfigWaitsForDeploy()
    {
        harness.Api.Config.Release = 0;

        await harness.RunAsync("config:set", "myapp", "A=1");

        Assert.Contains("no release yet", harness.Output.Lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_BadKeysAndApp_ReportsEveryErrorWithoutValues()
    {
        var exitCode = await harness.RunAsync("config:set", "My_App", "1BAD=hunter2", "ALSO-BAD=hunter3", "OK=x");

        Assert.Equal(1, exitCode);
        Assert.Equal(3, harness.Output.Errors.Count);
        Assert.DoesNotContain("hunter", harness.Output.StandardError, StringComparison.Ordinal);
        Assert.Contains("'1BAD'", harness.Output.StandardError, StringComparison.Ordinal);
        Assert.Empty(harness.Factory.Connections);
    }

    [Fact]
    public async Task Set_ArgumentWithoutEquals_ReportsIt()
    {
        var exitCode = await harness.RunAsync("config:set", "myapp", "JUSTKEY");

        Assert.Equal(1, exitCode);
        Assert.Contains("KEY=value", harness.Output.Errors.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unset_Keys_SendsDistinctKeys()
    {
        var exitCode = await harness.RunAsync("config:unset", "myapp", "A", "B", "A");

        Assert.Equal(0, exitCode);
        Assert.Equal(["A", "B"], harness.Api.LastConfigKeys);
        Assert.Equal(["UnsetConfig myapp"], harness.Api.Calls);
    }

    [Fact]
    public async Task Unset_BadKey_FailsBeforeAnyCall()
    {
        var exitCode = await harness.RunAsync("config:unset", "myapp", "A", "NOT-A-KEY");

        Assert.Equal(1, exitCode);
        Assert.Contains("'NOT-A-KEY'", harness.Output.Errors.Single(), StringComparison.Ordinal);
        Assert.Empty(harness.Factory.Connections);
    }

    [Fact]
    public async Task Show_EmptyConfig_SaysSo()
    {
        harness.Api.Config = new ConfigResponse { App = "myapp", Version = 0 };

        await harness.RunAsync("config:show", "myapp");

        Assert.Equal("No config vars.", harness.Output.Lines[^1]);
    }

    [Fact]
    public void ParsePairs_InvalidKey_ErrorHidesValue()
    {
        var validation = new InputValidation();

        ConfigCommands.ParsePairs(["1X=topsecret"], validation);

        var exception = Assert.Throws<Cli.Errors.CliException>(validation.ThrowIfInvalid);
        Assert.DoesNotContain("topsecret", exception.Message, StringComparison.Ordinal);
    }

    public void Dispose() => harness.Dispose();
}
