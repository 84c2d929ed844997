using Berth.Edge.Stream;

namespace Berth.Edge.Tests.Stream;

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void Next_Repeated_DoublesUpToTheCap()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));

        var delays = Enumerable.Range(0, 5).Select(_ => backoff.Next().TotalSeconds);

        Assert.Equal([1, 2, 4, 5, 5], delays);
    }

    [Fact]
    public void Reset_AfterGrowth_StartsOver()
    {
        var backoff = ReconnectBackoff.Default();
        backoff.Next();
        backoff.Next();

        backoff.Reset();

        Assert.Equal(TimeSpan.FromSeconds(1), backoff.Next());
    }

    [Fact]
    public void Default_ManyFailures_NeverWaitsMoreThanThirtySeconds()
    {
        var backoff = ReconnectBackoff.Default();

        var longest = Enumerable.Range(0, 50).Select(_ => backoff.Next()).Max();

        Assert.Equal(TimeSpan.FromSeconds(30), longest);
    }
}
