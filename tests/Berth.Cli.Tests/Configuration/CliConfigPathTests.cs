using Berth.Cli.Configuration;
using Berth.Cli.Tests.Support;

namespace Berth.Cli.Tests.Configuration;

public sealed class CliConfigPathTests
{
    [Fact]
    public void Resolve_BerthConfigSet_UsesIt()
    {
        var environment = TestEnvironment.With(
            new() { ["BERTH_CONFIG"] = "/etc/berth.json", ["XDG_CONFIG_HOME"] = "/xdg" });

        Assert.Equal("/etc/berth.json", CliConfigPath.Resolve(environment));
    }

    [Fact]
    public void Resolve_RelativeBerthConfig_IsFromWorkingDirectory()
    {
        var environment = TestEnvironment.With(new() { ["BERTH_CONFIG"] = "cli.json" });

        Assert.Equal("/work/cli.json", CliConfigPath.Resolve(environment));
    }

    [Fact]
    public void Resolve_XdgConfigHomeSet_UsesBerthFolderInIt()
    {
        var environment = TestEnvironment.With(new() { ["XDG_CONFIG_HOME"] = "/xdg" });

        Assert.Equal("/xdg/berth/cli.json", CliConfigPath.Resolve(environment));
    }

    [Fact]
    public void Resolve_NothingSet_UsesDotConfigInHome()
    {
        Assert.Equal("/home/me/.config/berth/cli.json", CliConfigPath.Resolve(TestEnvironment.With(new())));
    }

    [Fact]
    public void Resolve_EmptyVariables_AreIgnored()
    {
        var environment = TestEnvironment.With(new() { ["BERTH_CONFIG"] = "", ["XDG_CONFIG_HOME"] = "" });

        Assert.Equal("/home/me/.config/berth/cli.json", CliConfigPath.Resolve(environment));
    }
}
