using Berth.Cli.Configuration;
using Berth.Cli.Tests.Support;

namespace Berth.Cli.Tests.Configuration;

public sealed class ServerSettingsResolverTests
{
    private static readonly CliConfig Saved = new("http://saved:7000", "saved-token", "http://saved:7001/git");

    [Fact]
    public void Resolve_SavedOnly_UsesSaved()
    {
        Assert.Equal(
            new ServerSettings("http://saved:7000", "saved-token", "http://saved:7001/git"),
            ServerSettingsResolver.Resolve(Saved, TestEnvironment.With(new())));
    }

    [Fact]
    public void Resolve_TokenVariable_OverridesTokenOnly()
    {
        var environment = TestEnvironment.With(new() { ["BERTH_TOKEN"] = " env-token\n" });
        var settings = ServerSettingsResolver.Resolve(Saved, environment);

        Assert.Equal(new ServerSettings("http://saved:7000", "env-token", "http://saved:7001/git"), settings);
    }

    [Fact]
    public void Resolve_UrlVariableForOtherServer_DropsSavedGitUrl()
    {
        var environment = TestEnvironment.With(new() { ["BERTH_URL"] = "http://other:7000" });

        var settings = ServerSettingsResolver.Resolve(Saved, environment);

        Assert.Equal(new ServerSettings("http://other:7000", "saved-token"), settings);
    }

    [Fact]
    public void Resolve_EnvironmentOnly_NeedsNoFile()
    {
        var variables = new Dictionary<string, string> { ["BERTH_URL"] = "http://env:7000", ["BERTH_TOKEN"] = "t" };

        var settings = ServerSettingsResolver.Resolve(null, TestEnvironment.With(variables));

        Assert.Equal(new ServerSettings("http://env:7000", "t"), settings);
    }

    [Fact]
    public void Resolve_UrlWithoutToken_IsNotLoggedIn()
    {
        var environment = TestEnvironment.With(new() { ["BERTH_URL"] = "http://env:7000" });
        Assert.Null(ServerSettingsResolver.Resolve(null, environment));
    }

    [Fact]
    public void Resolve_Nothing_IsNotLoggedIn()
    {
        Assert.Null(ServerSettingsResolver.Resolve(null, TestEnvironment.With(new())));
    }
}
