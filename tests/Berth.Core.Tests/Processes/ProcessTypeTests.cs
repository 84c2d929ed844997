using Berth.Core.Processes;

namespace Berth.Core.Tests.Processes;

public sealed class ProcessTypeTests
{
    [Theory]
    [InlineData("web", true)]
    [InlineData("Worker_2", true)]
    [InlineData("release-task", true)]
    [InlineData("", false)]
    [InlineData("web.1", false)]
    [InlineData("web 1", false)]
    [InlineData("wéb", false)]
    public void IsValid_Name_FollowsProcfileRules(string name, bool expected)
    {
        Assert.Equal(expected, ProcessType.IsValid(name));
    }

    [Fact]
    public void IsValid_LengthLimit_AllowsSixtyThreeOnly()
    {
        Assert.True(ProcessType.IsValid(new string('w', ProcessType.MaxLength)));
        Assert.False(ProcessType.IsValid(new string('w', ProcessType.MaxLength + 1)));
    }
}
