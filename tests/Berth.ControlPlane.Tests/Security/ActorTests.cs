using System.Text;
using Berth.ControlPlane.Security;

namespace Berth.ControlPlane.Tests.Security;

public sealed class ActorTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("  alice@laptop \n", "alice@laptop")]
    [InlineData("Ana María@pc", "Ana Mar?a@pc")]
    [InlineData("bob\r\nX-Injected: 1", "bob??X-Injected: 1")]
    public void Clean_KeepsPrintableAscii_AndTrims(string? declared, string expected) =>
        Assert.Equal(expected, Actor.Clean(declared));

    [Fact]
    public void Clean_LongName_IsCut()
    {
        Assert.Equal(Actor.MaxLength, Actor.Clean(new string('a', 500)).Length);
    }

    [Theory]
    [InlineData("alice@laptop:token", "alice@laptop")]
    [InlineData(":token", "")]
    public void OfGitPush_IsTheBasicUserName(string credentials, string expected) =>
        Assert.Equal(expected, Actor.OfGitPush("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials))));

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer alice")]
    [InlineData("Basic !!!")]
    public void OfGitPush_NoBasicCredentials_IsEmpty(string? authorization) =>
        Assert.Equal("", Actor.OfGitPush(authorization));
}
