using Berth.Agent.Builds;

namespace Berth.Agent.Tests.Builds;

public sealed class PullJobTests
{
    [Theory]
    [InlineData("nginx", "nginx:latest")]
    [InlineData("nginx:1.27", "nginx:1.27")]
    [InlineData("127.0.0.1:5000/base", "127.0.0.1:5000/base:latest")]
    [InlineData("127.0.0.1:5000/base:v1", "127.0.0.1:5000/base:v1")]
    [InlineData("registry.example/shop@sha256:abc", "registry.example/shop@sha256:abc")]
    public void LocalName_NamesThePulledImageAsTheEngineDoes(string reference, string expected)
    {
        Assert.Equal(expected, PullJob.LocalName(reference));
    }
}
