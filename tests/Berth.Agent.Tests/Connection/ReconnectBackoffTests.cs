using Berth.Agent.Connection;

namespace Berth.Agent.Tests.Connection;

public sealed class ReconnectBackoffTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(5, 16)]
    [InlineData(6, 30)]
    [InlineData(100, 30)]
    [InlineData(int.MaxValue, 30)]
    public void Delay_FailuresInARow_DoublesUpToTheCap(int failures, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), ReconnectBackoff.Delay(failures));
    }

    [Fact]
    public void AfterRejectedToken_IsSlowerThanTheCap()
    {
        Assert.True(ReconnectBackoff.AfterRejectedToken > ReconnectBackoff.Max);
    }
}
