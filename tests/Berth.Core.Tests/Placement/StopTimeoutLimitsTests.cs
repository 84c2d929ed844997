using Berth.Core.Placement;

namespace Berth.Core.Tests.Placement;

public sealed class StopTimeoutLimitsTests
{
    [Theory]
    [InlineData(1, true)]
    [InlineData(30, true)]
    [InlineData(3600, true)]
    [InlineData(0, false)]
    [InlineData(-1, false)]
    [InlineData(3601, false)]
    public void IsValid_Seconds_AcceptsOnlyTheRange(int seconds, bool valid)
    {
        Assert.Equal(valid, StopTimeoutLimits.IsValid(seconds));
    }

    [Fact]
    public void DefaultSeconds_IsValid()
    {
        Assert.True(StopTimeoutLimits.IsValid(StopTimeoutLimits.DefaultSeconds));
    }
}
