using Berth.Agent.Supervision;

namespace Berth.Agent.Tests.Supervision;

public sealed class RestartBackoffTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    [InlineData(8, 128)]
    [InlineData(9, 256)]
    [InlineData(10, 300)]
    [InlineData(65, 300)]
    [InlineData(int.MaxValue, 300)]
    public void Delay_CrashesInARow_DoublesFromOneSecondUpToFiveMinutes(int streak, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), RestartBackoff.Delay(streak));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Delay_StreakBelowOne_IsTheInitialWait(int streak)
    {
        Assert.Equal(RestartBackoff.Initial, RestartBackoff.Delay(streak));
    }

    [Fact]
    public void NextStreak_ShortRun_ExtendsTheStreak()
    {
        Assert.Equal(4, RestartBackoff.NextStreak(3, TimeSpan.FromSeconds(59.9)));
    }

    [Fact]
    public void NextStreak_RunOfSixtySeconds_StartsANewStreak()
    {
        Assert.Equal(1, RestartBackoff.NextStreak(9, TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public void NextStreak_FailedStartWithoutUptime_ExtendsTheStreak()
    {
        Assert.Equal(3, RestartBackoff.NextStreak(2, uptime: null));
    }

    [Fact]
    public void NextStreak_EndlessCrashLoop_StopsGrowingWithoutOverflow()
    {
        Assert.Equal(65, RestartBackoff.NextStreak(int.MaxValue, TimeSpan.Zero));
    }
}
