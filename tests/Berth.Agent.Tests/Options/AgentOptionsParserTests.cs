using Berth.Agent.Options;

namespace Berth.Agent.Tests.Options;

public sealed class AgentOptionsParserTests
{
    private static readonly string[] Good =
    [
        "--control-plane", "http://127.0.0.1:7000",
        "--token-file", "/etc/berth/token",
        "--name", "node-1",
        "--address", "127.0.0.1",
        "--docker", "unix:///tmp/node1/docker.sock",
        "--ports", "20000-20999",
        "--memory", "4096",
        "--label", "zone=a",
        "--label", "disk=ssd",
    ];

    [Fact]
    public void Parse_FullCommandLine_ReturnsEveryOption()
    {
        var result = AgentOptionsParser.Parse(Good);

        Assert.True(result.IsValid, string.Join(" | ", result.Errors));
        var options = result.Value!;
        Assert.Equal(new Uri("http://127.0.0.1:7000"), options.ControlPlane);
        Assert.Equal(new TokenSource("/etc/berth/token", null), options.Token);
        Assert.Equal("node-1", options.Name);
        Assert.Equal("127.0.0.1", options.Address);
        Assert.Equal(new Uri("unix:///tmp/node1/docker.sock"), options.Docker);
        Assert.Equal(new PortRange(20000, 20999), options.Ports);
        Assert.Equal(4096, options.MemoryMb);
        Assert.Equal(new Dictionary<string, string> { ["zone"] = "a", ["disk"] = "ssd" }, options.Labels);
    }

    [Fact]
    public void Parse_InlineValuesAndTokenValue_AreAccepted()
    {
        var result = AgentOptionsParser.Parse(
        [
            "--control-plane=https://cp.example:7000", "--token=s3cret", "--name=n1", "--address=node1.example",
            "--ports=30000-30000", "--memory=1", "--label=role=build=yes",
        ]);

        Assert.True(result.IsValid, string.Join(" | ", result.Errors));
        Assert.Equal(new TokenSource(null, "s3cret"), result.Value!.Token);
        Assert.Equal(1, result.Value.Ports.Count);
        Assert.Equal("build=yes", result.Value.Labels["role"]);
    }

    [Fact]
    public void Parse_NoDocker_UsesTheDefaultSocket()
    {
        var result = AgentOptionsParser.Parse(Without("--docker"));

        Assert.Equal(new Uri(AgentOptions.DefaultDocker), result.Value!.Docker);
    }

    [Fact]
    public void Parse_NoLabels_ReturnsEmptyLabels()
    {
        var result = AgentOptionsParser.Parse(Good[..14]);

        Assert.True(result.IsValid, string.Join(" | ", result.Errors));
        Assert.Empty(result.Value!.Labels);
    }

    [Fact]
    public void Parse_Nothing_ReportsEveryRequiredOption()
    {
        var result = AgentOptionsParser.Parse([]);

        Assert.False(result.IsValid);
        foreach (var option in new[] { "--control-plane", "--name", "--address", "--ports", "--memory" })
        {
            Assert.Contains(
                result.Errors,
                error => error.StartsWith($"{option} is required", StringComparison.Ordinal));
        }

        Assert.Contains(
            result.Errors,
            error => error.Contains("--token-file PATH or --token VALUE", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--ports", "20000", "--ports '20000' is not a port range")]
    [InlineData("--ports", "2000-1000", "--ports '2000-1000' is not a port range")]
    [InlineData("--ports", "0-100", "--ports '0-100' is not a port range")]
    [InlineData("--ports", "20000-70000", "--ports '20000-70000' is not a port range")]
    [InlineData("--ports", "a-b", "--ports 'a-b' is not a port range")]
    [InlineData("--memory", "0", "--memory '0' is not a positive whole number")]
    [InlineData("--memory", "4g", "--memory '4g' is not a positive whole number")]
    [InlineData("--memory", "-5", "--memory '-5' is not a positive whole number")]
    [InlineData("--control-plane", "127.0.0.1:7000", "--control-plane '127.0.0.1:7000' is not an http:// or https://")]
    [InlineData("--control-plane", "ftp://x", "--control-plane 'ftp://x' is not an http:// or https://")]
    [InlineData("--name", "node 1", "--name 'node 1' is not a valid node name")]
    [InlineData("--name", "-node", "--name '-node' is not a valid node name")]
    [InlineData("--address", "http://10.0.0.1", "--address 'http://10.0.0.1' is not a host name or IP")]
    [InlineData("--address", "10.0.0.1:80", "--address '10.0.0.1:80' is not a host name or IP")]
    [InlineData("--docker", "/var/run/docker.sock", "--docker '/var/run/docker.sock' is not a Docker endpoint")]
    [InlineData("--label", "zone", "--label 'zone' is not KEY=VALUE")]
    [InlineData("--label", "=a", "--label '=a' is not KEY=VALUE")]
    [InlineData("--label", "bad key=a", "--label 'bad key=a' is not KEY=VALUE")]
    public void Parse_BadValue_ReportsOneErrorNamingTheOption(string option, string value, string expected)
    {
        var result = AgentOptionsParser.Parse([.. Without(option), option, value]);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownOption_ReportsIt()
    {
        var result = AgentOptionsParser.Parse([.. Good, "--cpus", "4"]);

        Assert.Contains(result.Errors, error => error.StartsWith("unknown option '--cpus'", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_StrayArgument_ReportsIt()
    {
        var result = AgentOptionsParser.Parse([.. Good, "extra"]);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("unexpected argument 'extra'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OptionWithoutValue_ReportsIt()
    {
        var result = AgentOptionsParser.Parse([.. Without("--memory"), "--memory"]);

        Assert.Contains("--memory needs a value (see --help).", result.Errors);
    }

    [Fact]
    public void Parse_BothTokenOptions_ReportsThem()
    {
        var result = AgentOptionsParser.Parse([.. Good, "--token", "abc"]);

        var error = Assert.Single(result.Errors);
        Assert.Contains("exactly one of --token-file PATH or --token VALUE", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RepeatedSingleOption_ReportsIt()
    {
        var result = AgentOptionsParser.Parse([.. Good, "--name", "node-2"]);

        Assert.Contains("--name is given more than once: give it once.", result.Errors);
    }

    [Fact]
    public void Parse_RepeatedLabelKey_ReportsIt()
    {
        var result = AgentOptionsParser.Parse([.. Good, "--label", "zone=b"]);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("--label 'zone' is given more than once", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TokenSource_ToString_NeverShowsTheToken()
    {
        var options = AgentOptionsParser.Parse([.. Without("--token-file"), "--token", "s3cret-value"]).Value!;

        Assert.DoesNotContain("s3cret-value", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void IsHelpRequest_HelpAnywhere_ReturnsTrue()
    {
        Assert.True(AgentUsage.IsHelpRequest(["--name", "x", "--help"]));
        Assert.False(AgentUsage.IsHelpRequest(Good));
    }

    /// <summary>The good command line without the first <paramref name="option"/> and its value.</summary>
    private static string[] Without(string option)
    {
        var index = Array.IndexOf(Good, option);
        return [.. Good[..index], .. Good[(index + 2)..]];
    }

    [Fact]
    public void Parse_StateDir_IsKept()
    {
        var result = AgentOptionsParser.Parse([.. Good, "--state-dir", "/var/lib/berth/node-1"]);

        Assert.True(result.IsValid, string.Join(" | ", result.Errors));
        Assert.Equal("/var/lib/berth/node-1", result.Value!.StateDirectory);
    }

    [Fact]
    public void Parse_NoStateDir_KeepsStateInMemoryOnly()
    {
        Assert.Null(AgentOptionsParser.Parse(Good).Value!.StateDirectory);
    }

    [Fact]
    public void Parse_EmptyStateDir_IsAnError()
    {
        var result = AgentOptionsParser.Parse([.. Good, "--state-dir="]);

        Assert.Contains(result.Errors, error => error.StartsWith("--state-dir", StringComparison.Ordinal));
    }
}
