using Berth.Contracts;
using Berth.ControlPlane.Deployments;
using Google.Protobuf;

namespace Berth.ControlPlane.Tests.Deployments;

public sealed class DeployRequestRulesTests
{
    [Fact]
    public void Check_ImageOrTar_IsValid()
    {
        Assert.Empty(DeployRequestRules.Check(new DeployRequest { App = "shop", Image = "nginx:1.27" }));
        Assert.Empty(DeployRequestRules.Check(
            new DeployRequest { App = "shop", TarChunk = ByteString.CopyFrom(1, 2, 3) }));
    }

    [Fact]
    public void Check_NoMessage_SaysWhatToSend()
    {
        Assert.Contains("empty", DeployRequestRules.Check(null).Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Both_IsRefused()
    {
        var request = new DeployRequest { App = "shop", Image = "nginx", TarChunk = ByteString.CopyFrom(1) };

        Assert.Equal(
            ["give either an image (--image) or a build context (--tar), not both"],
            DeployRequestRules.Check(request));
    }

    [Fact]
    public void Check_Neither_IsRefused()
    {
        Assert.Contains("--image REF", DeployRequestRules.Check(new DeployRequest { App = "shop" }).Single(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Check_BadAppAndBadImage_ReportsBoth()
    {
        var errors = DeployRequestRules.Check(new DeployRequest { App = "Shop!", Image = "nginx latest" });

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Contains("holds spaces", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("-nginx")]
    [InlineData("nginx\t")]
    public void ImageError_NotAReference_SaysSo(string image)
    {
        Assert.NotNull(DeployRequestRules.ImageError(image));
    }
}
