using Berth.Cli.Configuration;

namespace Berth.Cli.Tests.Configuration;

public sealed class CliConfigPathTests
{
    [Fact]
    public void Resolve_BerthConfigSet_UsesIt()
    {
        var environment = Environment(new() { ["BERTH_CONFIG"] = "/etc/berth.json", ["XDG_CONFIG_HOME"] = "/xdg" });

        Assert.Equal("/etc/berth.json", CliConfigPath.Resolve(environment));
    }

    [Fact]
    public void Resolve_RelativeBerthConfig_IsFromWorkingDirectory()
    {
        var environment = Environment(new() { ["BERTH_CONFIG"] = "cli.json" });

        Assert.Equal("/work/cli.json", CliConfigPath.Resolve(environment));
    }

    [Fact]
    public void Resolve_XdgConfigHomeSet_UsesBerthFolderInIt()
    {
        var environment = Environment(new() { ["XDG_CONFIG_HOME"] = "/xdg" });

        Assert.Equal("/xdg/berth/cli.json", CliConfigPath.Resolve(environment));
    }

    [Fact]
    public void Resolve_NothingSet_UsesDotConfigInHome()
    {
        Assert.Equal("/home/me/.config/berth/cli.json", CliConfigPath.Resolve(Environment(new())));
    }

    [Fact]
    public void Resolve_EmptyVariables_AreIgnored()
    {
        var environment = Environment(new() { ["BERTH_CONFIG"] = "", ["XDG_CONFIG_HOME"] = "" });

        Assert.Equal("/home/me/.config/berth/cli.json", CliConfigPath.Resolve(environment));
    }

    private static CliEnvironment Environment(Dictionary<string, string> variables) =>
        new(name => variables.GetValueOrDefault(name), "/home/me", "/work", "/usr/bin/dotnet", "/opt/berth.dll", "me@host");
}
