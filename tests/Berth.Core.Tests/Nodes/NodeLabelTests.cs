using Berth.Core.Nodes;

namespace Berth.Core.Tests.Nodes;

public sealed class NodeLabelTests
{
    [Theory]
    [InlineData("zone")]
    [InlineData("a")]
    [InlineData("Zone9")]
    [InlineData("berth.io/disk")]
    [InlineData("eu-west_1.a")]
    [InlineData("123")]
    public void IsValid_AllowedText_IsTrue(string text) => Assert.True(NodeLabel.IsValid(text));

    [Theory]
    [InlineData("")]
    [InlineData("-zone")]
    [InlineData("zone-")]
    [InlineData(".zone")]
    [InlineData("zone/")]
    [InlineData("zo ne")]
    [InlineData("zone=a")]
    [InlineData("zöne")]
    [InlineData("zone:a")]
    public void IsValid_OtherText_IsFalse(string text) => Assert.False(NodeLabel.IsValid(text));

    [Fact]
    public void IsValid_LengthLimit_Is63()
    {
        Assert.True(NodeLabel.IsValid(new string('a', 63)));
        Assert.False(NodeLabel.IsValid(new string('a', 64)));
    }
}
