using Berth.Core.Processes;

namespace Berth.Core.Tests.Processes;

public sealed class InstanceNameTests
{
    [Theory]
    [InlineData("myapp", "web", 1, "myapp.web.1")]
    [InlineData("my-app", "worker", 12, "my-app.worker.12")]
    [InlineData("a", "Clock_1", 10000, "a.Clock_1.10000")]
    public void Format_AppTypeIndex_ReturnsDottedName(string app, string process, int index, string expected)
    {
        Assert.Equal(expected, InstanceName.Format(app, process, index));
    }

    [Theory]
    [InlineData("myapp.web.1", 1, "myapp.web.1.v1")]
    [InlineData("my-app.worker.3", 27, "my-app.worker.3.v27")]
    public void Container_InstanceAndRelease_AppendsReleaseNumber(string instance, int release, string expected)
    {
        Assert.Equal(expected, InstanceName.Container(instance, release));
    }

    [Fact]
    public void Container_TwoReleasesOfOneInstance_HaveDistinctNames()
    {
        var instance = InstanceName.Format("myapp", "web", 1);

        Assert.NotEqual(InstanceName.Container(instance, 1), InstanceName.Container(instance, 2));
    }
}
