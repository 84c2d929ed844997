using Berth.Agent.Docker;

namespace Berth.Agent.Tests.Docker;

public sealed class DockerStatusTextTests
{
    [Theory]
    [InlineData("Exited (0) 5 seconds ago", 0)]
    [InlineData("Exited (137) About a minute ago", 137)]
    [InlineData("Restarting (1) 2 seconds ago", 1)]
    [InlineData("Exited (-1) 3 hours ago", -1)]
    public void ExitCode_ExitedOrRestarting_ReturnsTheCode(string status, int expected)
    {
        Assert.Equal(expected, DockerStatusText.ExitCode(status));
    }

    [Theory]
    [InlineData("Up 3 seconds")]
    [InlineData("Created")]
    [InlineData("")]
    [InlineData(null)]
    public void ExitCode_NotExited_ReturnsNull(string? status)
    {
        Assert.Null(DockerStatusText.ExitCode(status));
    }
}
