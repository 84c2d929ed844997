using Berth.Agent.Containers;

namespace Berth.Agent.Tests.Containers;

public sealed class ImagePullPlannerTests
{
    private static readonly HashSet<string> NothingLocal = [];

    [Fact]
    public void Plan_ManyInstancesOfOneImage_PullsItOnce()
    {
        var plan = Starts("127.0.0.1:5000/shop:v3", "127.0.0.1:5000/shop:v3", "127.0.0.1:5000/shop:v3");

        var pulls = ImagePullPlanner.Plan(plan, NothingLocal);

        Assert.Equal(["127.0.0.1:5000/shop:v3"], pulls.Pull);
        Assert.Empty(pulls.Present);
    }

    [Fact]
    public void Plan_ReleaseTagAlreadyOnTheNode_IsNotPulled()
    {
        var plan = Starts("127.0.0.1:5000/shop:v3", "127.0.0.1:5000/blog:v1");

        var pulls = ImagePullPlanner.Plan(plan, new HashSet<string> { "127.0.0.1:5000/shop:v3" });

        Assert.Equal(["127.0.0.1:5000/blog:v1"], pulls.Pull);
        Assert.Equal(["127.0.0.1:5000/shop:v3"], pulls.Present);
    }

    [Theory]
    [InlineData("127.0.0.1:5000/shop:latest", "127.0.0.1:5000/shop:latest")]
    [InlineData("127.0.0.1:5000/shop", "127.0.0.1:5000/shop:latest")]
    public void Plan_MovableTag_IsPulledEvenWhenPresent(string image, string local)
    {
        var pulls = ImagePullPlanner.Plan(Starts(image), new HashSet<string> { local });

        Assert.Equal([image], pulls.Pull);
    }

    [Fact]
    public void Plan_DigestPresent_IsNotPulled()
    {
        const string image = "127.0.0.1:5000/shop:v3@sha256:abc";

        var pulls = ImagePullPlanner.Plan(Starts(image), new HashSet<string> { "127.0.0.1:5000/shop@sha256:abc" });

        Assert.Empty(pulls.Pull);
    }

    [Fact]
    public void Plan_OtherOperationsOnly_PullsNothing()
    {
        ContainerOperation[] plan = [new RemoveContainer("id", "shop.web.1.v2"), new StartContainer("id2", "x")];

        var pulls = ImagePullPlanner.Plan(plan, NothingLocal);

        Assert.Empty(pulls.Pull);
        Assert.Empty(pulls.Present);
    }

    private static ContainerOperation[] Starts(params string[] images) =>
        [.. images.Select((image, index) =>
            new StartInstance(Fixtures.Assignment(index: index + 1) with { Image = image }, 0))];
}
