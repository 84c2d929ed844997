using Berth.Agent.Builds;
using Docker.DotNet.Models;

namespace Berth.Agent.Tests.Builds;

public sealed class DockerProgressLinesTests
{
    [Fact]
    public void Of_StatusWithLayer_PrefixesTheLayer()
    {
        var message = new JSONMessage { ID = "a1b2", Status = "Pull complete" };

        Assert.Equal(["a1b2: Pull complete"], DockerProgressLines.Of(message));
    }

    [Fact]
    public void Of_ProgressBarOrNoStatus_ShowsNothing()
    {
        Assert.Empty(DockerProgressLines.Of(new JSONMessage { Status = "Downloading", Progress = new JSONProgress() }));
        Assert.Empty(DockerProgressLines.Of(new JSONMessage()));
    }
}
