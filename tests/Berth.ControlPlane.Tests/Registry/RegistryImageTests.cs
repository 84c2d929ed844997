using Berth.ControlPlane.Registry;

namespace Berth.ControlPlane.Tests.Registry;

public sealed class RegistryImageTests
{
    [Theory]
    [InlineData("127.0.0.1:5000/shop:v3", "shop")]
    [InlineData("127.0.0.1:5000/team/shop:v3", "team/shop")]
    [InlineData("127.0.0.1:5000/shop", "shop")]
    [InlineData("127.0.0.1:5000/shop@sha256:abc", "shop")]
    public void Of_ImageInTheRegistry_NamesItsRepository(string image, string repository)
    {
        Assert.Equal(new RegistryImage(repository, "sha256:d"), RegistryImage.Of(image, "sha256:d", "127.0.0.1:5000"));
    }

    [Theory]
    [InlineData("registry.example/shop:v3", "sha256:d")]
    [InlineData("127.0.0.1:5000/shop:v3", "")]
    [InlineData("127.0.0.1:5000/", "sha256:d")]
    public void Of_OtherRegistryOrNoDigest_IsNull(string image, string digest)
    {
        Assert.Null(RegistryImage.Of(image, digest, "127.0.0.1:5000"));
    }
}
