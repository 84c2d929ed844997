using System.Formats.Tar;
using Berth.Cli.Tests.Support;
using Berth.Contracts;

namespace Berth.Cli.Tests.Commands;

public sealed class DeployCommandTests : IDisposable
{
    private readonly CliHarness harness = new();

    public DeployCommandTests()
    {
        harness.LogIn();
    }

    [Fact]
    public async Task Deploy_Image_SendsTheReferenceAndPrintsTheOutput()
    {
        harness.Api.DeployOutputs.Add(new DeployOutput { Line = "-----> Deploying shop from the image nginx:1.27" });
        harness.Api.DeployOutputs.Add(new DeployOutput { Outcome = new DeployOutcome { Ok = true, Release = 3 } });

        var exitCode = await harness.RunAsync("deploy", "shop", "--image", "nginx:1.27");

        Assert.Equal(0, exitCode);
        Assert.Equal(["Deploy shop"], harness.Api.Calls);
        Assert.Equal(("nginx:1.27", (byte[]?)null, "deploy nginx:1.27"), harness.Api.LastDeploy);
        Assert.Equal(["-----> Deploying shop from the image nginx:1.27"], harness.Output.Lines);
    }

    [Fact]
    public async Task Deploy_FailedOutcome_ExitsWithItsError()
    {
        harness.Api.DeployOutputs.Add(new DeployOutput
        {
            Outcome = new DeployOutcome { Ok = false, Error = "the image nope could not be deployed: not found" },
        });

        var exitCode = await harness.RunAsync("deploy", "shop", "--image", "nope");

        Assert.Equal(1, exitCode);
        Assert.Equal(["the image nope could not be deployed: not found"], harness.Output.Errors);
    }

    [Fact]
    public async Task Deploy_NoOutcome_ExitsWithAnError()
    {
        var exitCode = await harness.RunAsync("deploy", "shop", "--image", "nginx");

        Assert.Equal(1, exitCode);
        Assert.Contains("without saying how it went", harness.Output.Errors.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploy_Directory_SendsItsTar()
    {
        var directory = Path.Combine(harness.WorkingDirectory, "site");
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "Dockerfile"), "FROM base\n");
        harness.Api.DeployOutputs.Add(new DeployOutput { Outcome = new DeployOutcome { Ok = true, Release = 1 } });

        var exitCode = await harness.RunAsync("deploy", "shop", "--tar", "site");

        Assert.Equal(0, exitCode);
        var tar = harness.Api.LastDeploy!.Value.Tar!;
        Assert.Equal(["Dockerfile"], EntryNames(tar));
        Assert.Equal("deploy --tar site", harness.Api.LastDeploy.Value.Description);
    }

    [Theory]
    [InlineData(new string[] { "deploy", "shop" }, "give what to deploy")]
    [InlineData(new string[] { "deploy", "shop", "--image", "nginx", "--tar", "." }, "not both")]
    [InlineData(new string[] { "deploy", "shop", "--tar", "missing" }, "does not exist")]
    [InlineData(new string[] { "deploy", "Bad_App", "--image", "nginx" }, "Bad_App")]
    public async Task Deploy_BadInput_FailsBeforeAnyCall(string[] arguments, string expected)
    {
        var exitCode = await harness.RunAsync(arguments);

        Assert.Equal(1, exitCode);
        Assert.Empty(harness.Api.Calls);
        Assert.Contains(expected, string.Join(" ", harness.Output.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploy_DirectoryWithoutDockerfile_FailsBeforeAnyCall()
    {
        Directory.CreateDirectory(Path.Combine(harness.WorkingDirectory, "empty"));

        var exitCode = await harness.RunAsync("deploy", "shop", "--tar", "empty");

        Assert.Equal(1, exitCode);
        Assert.Empty(harness.Api.Calls);
        Assert.Contains("has no Dockerfile at its root", harness.Output.Errors.Single(), StringComparison.Ordinal);
    }

    public void Dispose() => harness.Dispose();

    private static List<string> EntryNames(byte[] tar)
    {
        using var reader = new TarReader(new MemoryStream(tar));
        var names = new List<string>();
        while (reader.GetNextEntry() is { } entry)
        {
            names.Add(entry.Name);
        }

        return names;
    }
}
