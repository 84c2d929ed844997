using Berth.ControlPlane.Deployments;

namespace Berth.ControlPlane.Tests.Deployments;

public sealed class AppLocksTests
{
    [Fact]
    public void TryTake_FreeApp_ReturnsAHolder()
    {
        var locks = new AppLocks();

        using var holder = locks.TryTake("shop");

        Assert.NotNull(holder);
    }

    [Fact]
    public void TryTake_SameAppHeld_ReturnsNull()
    {
        var locks = new AppLocks();
        using var holder = locks.TryTake("shop");

        Assert.Null(locks.TryTake("shop"));
    }

    [Fact]
    public void TryTake_OtherAppHeld_ReturnsAHolder()
    {
        var locks = new AppLocks();
        using var shop = locks.TryTake("shop");

        using var blog = locks.TryTake("blog");

        Assert.NotNull(blog);
    }

    [Fact]
    public void TryTake_AfterDispose_ReturnsAHolderAgain()
    {
        var locks = new AppLocks();
        locks.TryTake("shop")!.Dispose();

        using var again = locks.TryTake("shop");

        Assert.NotNull(again);
    }

    [Fact]
    public void Dispose_Twice_DoesNotReleaseTheNextHolder()
    {
        var locks = new AppLocks();
        var first = locks.TryTake("shop")!;
        first.Dispose();
        using var second = locks.TryTake("shop");

        first.Dispose();

        Assert.NotNull(second);
        Assert.Null(locks.TryTake("shop"));
    }

    [Fact]
    public async Task TryTake_ManyAtOnce_GivesExactlyOneHolder()
    {
        var locks = new AppLocks();
        using var start = new ManualResetEventSlim();

        var attempts = Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
        {
            start.Wait();
            return locks.TryTake("shop");
        })).ToList();
        start.Set();
        var holders = await Task.WhenAll(attempts);

        Assert.Single(holders, h => h is not null);
    }
}
