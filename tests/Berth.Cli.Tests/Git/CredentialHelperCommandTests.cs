using Berth.Cli.Git;

namespace Berth.Cli.Tests.Git;

public sealed class CredentialHelperCommandTests
{
    [Fact]
    public void Build_DotnetHost_RunsDllThroughHost()
    {
        var helper = CredentialHelperCommand.Build("/usr/share/dotnet/dotnet", "/opt/berth/berth.dll");

        Assert.Equal("!\"/usr/share/dotnet/dotnet\" \"/opt/berth/berth.dll\" git-credential", helper);
    }

    [Fact]
    public void Build_AppHost_RunsProcessItself()
    {
        var helper = CredentialHelperCommand.Build("/usr/local/bin/berth", "/usr/local/bin/berth.dll");

        Assert.Equal("!\"/usr/local/bin/berth\" git-credential", helper);
    }

    [Fact]
    public void Build_NoProcessPath_FallsBackToDotnetOnPath()
    {
        var helper = CredentialHelperCommand.Build(null, "/opt/berth/berth.dll");

        Assert.Equal("!\"dotnet\" \"/opt/berth/berth.dll\" git-credential", helper);
    }

    [Theory]
    [InlineData("/path with spaces/berth", "\"/path with spaces/berth\"")]
    [InlineData("/a\"b/berth", "\"/a\\\"b/berth\"")]
    [InlineData("/a$HOME/berth", "\"/a\\$HOME/berth\"")]
    [InlineData("/a`x`/berth", "\"/a\\`x\\`/berth\"")]
    [InlineData("/a\\b/berth", "\"/a\\\\b/berth\"")]
    public void Quote_SpecialCharacters_AreEscapedForShell(string path, string expected)
    {
        Assert.Equal(expected, CredentialHelperCommand.Quote(path));
    }
}
