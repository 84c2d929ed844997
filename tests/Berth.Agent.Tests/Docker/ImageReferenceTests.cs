using Berth.Agent.Docker;

namespace Berth.Agent.Tests.Docker;

public sealed class ImageReferenceTests
{
    [Theory]
    [InlineData("127.0.0.1:5000/shop:v3", "127.0.0.1:5000/shop", "v3", "v3")]
    [InlineData("127.0.0.1:5000/shop", "127.0.0.1:5000/shop", null, "latest")]
    [InlineData("berth-base/busybox:1", "berth-base/busybox", "1", "1")]
    [InlineData("busybox", "busybox", null, "latest")]
    [InlineData("registry.local:5000/team/app:2024.1", "registry.local:5000/team/app", "2024.1", "2024.1")]
    public void Parse_TaggedOrNot_SplitsRepositoryAndTag(
        string reference,
        string repository,
        string? tag,
        string pullTag)
    {
        var parsed = ImageReference.Parse(reference);

        Assert.Equal(repository, parsed.Repository);
        Assert.Equal(tag, parsed.Tag);
        Assert.Null(parsed.Digest);
        Assert.Equal(pullTag, parsed.PullTag);
    }

    [Fact]
    public void Parse_WithDigest_PullsByDigest()
    {
        var digest = "sha256:" + new string('a', 64);

        var parsed = ImageReference.Parse($"127.0.0.1:5000/shop:v3@{digest}");

        Assert.Equal(new ImageReference("127.0.0.1:5000/shop", "v3", digest), parsed);
        Assert.Equal(digest, parsed.PullTag);
    }
}
