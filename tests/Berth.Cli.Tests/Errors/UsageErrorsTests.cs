using Berth.Cli.Errors;

namespace Berth.Cli.Tests.Errors;

public sealed class UsageErrorsTests
{
    private static readonly string[] Names = ["apps:create", "apps:list", "config:set", "config", "nodes:list", "ps"];

    [Fact]
    public void Suggest_Typo_GivesNearestCommand()
    {
        Assert.Equal(["apps:create"], UsageErrors.Suggest("apps:creat", Names));
    }

    [Fact]
    public void Suggest_GroupName_GivesItsCommands()
    {
        Assert.Equal(["apps:create", "apps:list"], UsageErrors.Suggest("apps", Names));
    }

    [Fact]
    public void Suggest_Unrelated_GivesNothing()
    {
        Assert.Empty(UsageErrors.Suggest("deploy-everything", Names));
    }
}
