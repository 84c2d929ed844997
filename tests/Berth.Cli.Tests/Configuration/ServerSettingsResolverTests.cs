using Berth.Cli.Configuration;

namespace Berth.Cli.Tests.Configuration;

public sealed class ServerSettingsResolverTests
{
    private static readonly CliConfig Saved = new("http://saved:7000", "saved-token", "http://saved:7001/git");

    [Fact]
    public void Resolve_SavedOnly_UsesSaved()
    {
        Assert.Equal(
            new ServerSettings("http://saved:7000", "saved-token", "http://saved:7001/git"),
            ServerSettingsResolver.Resolve(Saved, Environment(new())));
    }

    [Fact]
    public void Resolve_TokenVariable_OverridesTokenOnly()
    {
        var settings = ServerSettingsResolver.Resolve(Saved, Environment(new() { ["BERTH_TOKEN"] = " env-token\n" }));

        Assert.Equal(new ServerSettings("http://saved:7000", "env-token", "http://saved:7001/git"), settings);
    }

    [Fact]
    public void Resolve_UrlVariableForOtherServer_DropsSavedGitUrl()
    {
        var environment = Environment(new() { ["BERTH_URL"] = "http://other:7000" });

        var settings = ServerSettingsResolver.Resolve(Saved, environment);

        Assert.Equal(new ServerSettings("http://other:7000", "saved-token"), settings);
    }

    [Fact]
    public void Resolve_EnvironmentOnly_NeedsNoFile()
    {
        var variables = new Dictionary<string, string> { ["BERTH_URL"] = "http://env:7000", ["BERTH_TOKEN"] = "t" };

        var settings = ServerSettingsResolver.Resolve(null, Environment(variables));

        Assert.Equal(new ServerSettings("http://env:7000", "t"), settings);
    }

    [Fact]
    public void Resolve_UrlWithoutToken_IsNotLoggedIn()
    {
        Assert.Null(ServerSettingsResolver.Resolve(null, Environment(new() { ["BERTH_URL"] = "http://env:7000" })));
    }

    [Fact]
    public void Resolve_Nothing_IsNotLoggedIn()
    {
        Assert.Null(ServerSettingsResolver.Resolve(null, Environment(new())));
    }

    private static CliEnvironment Environment(Dictionary<string, string> variables) =>
        new(name => variables.GetValueOrDefault(name), "/home/me", "/work", "/usr/bin/dotnet", "/opt/berth.dll", "me@host");
}
