using Berth.Core.Nodes;
using Berth.Cli.Tests.Support;
using Berth.Contracts;

namespace Berth.Cli.Tests.Commands;

public sealed class PsSetCommandTests : IDisposable
{
    private readonly CliHarness harness = new();

    public PsSetCommandTests()
    {
        harness.LogIn();
        harness.Api.Report = new ProcessReport
        {
            App = "myapp",
            CurrentRelease = 2,
            Processes = { new ProcessTypeReport { Process = "web", Quantity = 1, MemoryMb = 256, MaxParallel = 1 } },
        };
    }

    [Fact]
    public async Task Set_Constraints_ReplacesThem()
    {
        var exitCode = await harness.RunAsync("ps:set", "myapp", "web", "constraint", "zone=a", "disk=ssd");

        Assert.Equal(0, exitCode);
        var request = harness.Api.LastProcessOptions!;
        Assert.Equal(("myapp", "web"), (request.App, request.Process));
        Assert.True(request.SetConstraints);
        Assert.Equal(["disk=ssd", "zone=a"], request.Constraints);
        Assert.Equal(("", 0), (request.Memory, request.MaxParallel));
    }

    [Fact]
    public async Task Set_ConstraintAlone_ClearsThem()
    {
        var exitCode = await harness.RunAsync("ps:set", "myapp", "web", "constraint");

        Assert.Equal(0, exitCode);
        Assert.True(harness.Api.LastProcessOptions!.SetConstraints);
        Assert.Empty(harness.Api.LastProcessOptions.Constraints);
    }

    [Theory]
    [InlineData("256m", "memory=256m")]
    [InlineData("1024m", "memory=1G")]
    [InlineData("1024m", "memory", "1g")]
    [InlineData("0", "memory=0")]
    public async Task Set_Memory_SendsMegabytes(string sent, params string[] words)
    {
        var exitCode = await harness.RunAsync(["ps:set", "myapp", "web", .. words]);

        Assert.Equal(0, exitCode);
        var request = harness.Api.LastProcessOptions!;
        Assert.Equal(sent, request.Memory);
        Assert.False(request.SetConstraints);
        Assert.Equal(0, request.MaxParallel);
    }

    [Fact]
    public async Task Set_MaxParallel_SendsIt()
    {
        var exitCode = await harness.RunAsync("ps:set", "myapp", "web", "max-parallel", "2");

        Assert.Equal(0, exitCode);
        Assert.Equal(2, harness.Api.LastProcessOptions!.MaxParallel);
        Assert.Equal("", harness.Api.LastProcessOptions.Memory);
    }

    [Theory]
    [InlineData(60, "stop-timeout=60")]
    [InlineData(1, "stop-timeout", "1")]
    [InlineData(3600, "stop-timeout=3600")]
    public async Task Set_StopTimeout_SendsSeconds(int seconds, params string[] words)
    {
        var exitCode = await harness.RunAsync(["ps:set", "myapp", "web", .. words]);

        Assert.Equal(0, exitCode);
        var request = harness.Api.LastProcessOptions!;
        Assert.Equal(seconds, request.StopTimeoutSeconds);
        Assert.Equal(("", 0), (request.Memory, request.MaxParallel));
    }

    [Fact]
    public async Task Set_OtherSetting_LeavesStopTimeout()
    {
        await harness.RunAsync("ps:set", "myapp", "web", "max-parallel=2");

        Assert.Equal(0, harness.Api.LastProcessOptions!.StopTimeoutSeconds);
    }

    [Theory]
    [InlineData("stop-timeout=0")]
    [InlineData("stop-timeout=3601")]
    [InlineData("stop-timeout=30s")]
    [InlineData("stop-timeout=")]
    [InlineData("stop-timeout")]
    public async Task Set_BadStopTimeout_SaysTheRange(string word)
    {
        var exitCode = await harness.RunAsync("ps:set", "myapp", "web", word);

        Assert.Equal(1, exitCode);
        Assert.Contains("stop-timeout", Assert.Single(harness.Output.Errors), StringComparison.Ordinal);
        Assert.Empty(harness.Factory.Connections);
    }

    [Fact]
    public async Task Set_Done_WritesWhatChangedAndReport()
    {
        await harness.RunAsync("ps:set", "myapp", "web", "memory=256m");

        Assert.Equal(["SetProcessOptions myapp web"], harness.Api.Calls);
        Assert.Equal("Updated the web process type of myapp.", harness.Output.Lines[0]);
        Assert.Equal(
            ["web", "(image command)", "1", "0", "256 MB", "none", "1", "0s"],
            harness.Output.Tables.Single().Rows[0]);
    }

    [Fact]
    public async Task Set_Json_WritesOnlyTheReport()
    {
        await harness.RunAsync("ps:set", "myapp", "web", "max-parallel=1", "--format", "json");

        Assert.StartsWith("{\"app\":\"myapp\",", harness.Output.Lines.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_ConstraintUnplaced_ExitsWithOne()
    {
        harness.Api.Report.Unplaced.Add("myapp.web.1: no ready node has the labels gpu=yes");

        var exitCode = await harness.RunAsync("ps:set", "myapp", "web", "constraint", "gpu=yes");

        Assert.Equal(1, exitCode);
        Assert.Contains("  myapp.web.1: no ready node has the labels gpu=yes", harness.Output.Warnings);
    }

    [Fact]
    public async Task Set_EveryBadArgument_PrintsEachBeforeAnyCall()
    {
        var exitCode = await harness.RunAsync("ps:set", "My_App", "we b", "constraint", "zone", "-x=a", "disk=");

        Assert.Equal(1, exitCode);
        Assert.Empty(harness.Factory.Connections);
        Assert.Equal(5, harness.Output.Errors.Count);
        Assert.Contains("'we b' is not a valid process type", harness.Output.Errors[1], StringComparison.Ordinal);
        Assert.Equal(
            [
                "'zone' is not of the form key=value; write it as, e.g., zone=<value>.",
                $"'-x' is not a valid label key: {NodeLabel.Rule}.",
                $"'' is not a valid value for the label 'disk': {NodeLabel.Rule}.",
            ],
            harness.Output.Errors.Skip(2));
    }

    [Theory]
    [InlineData("memory=256")]
    [InlineData("memory=5m")]
    [InlineData("memory")]
    [InlineData("max-parallel=0")]
    [InlineData("max-parallel", "1", "2")]
    [InlineData("cpu=1")]
    public async Task Set_BadSetting_FailsWithOneError(params string[] words)
    {
        var exitCode = await harness.RunAsync(["ps:set", "myapp", "web", .. words]);

        Assert.Equal(1, exitCode);
        Assert.Single(harness.Output.Errors);
        Assert.Empty(harness.Factory.Connections);
    }

    public void Dispose() => harness.Dispose();
}
