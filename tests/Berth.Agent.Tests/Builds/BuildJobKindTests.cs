using Berth.Agent.Builds;
using Berth.Contracts;

namespace Berth.Agent.Tests.Builds;

public sealed class BuildJobKindTests
{
    [Fact]
    public void Of_PlainCommand_IsABuild()
    {
        Assert.Equal(BuildJobKind.Build, BuildJobKinds.Of(new BuildCommand { Image = "r/app:v1" }));
    }

    [Fact]
    public void Of_CommandWithPull_IsAPull()
    {
        Assert.Equal(BuildJobKind.Pull, BuildJobKinds.Of(new BuildCommand { Image = "r/app:v1", Pull = "nginx" }));
    }

    [Fact]
    public void Of_CommandWithScript_IsAScript()
    {
        var command = new BuildCommand { Image = "r/app:v1", Script = new ScriptRun { Command = "true" } };

        Assert.Equal(BuildJobKind.Script, BuildJobKinds.Of(command));
    }
}
