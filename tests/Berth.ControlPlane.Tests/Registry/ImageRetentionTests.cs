using Berth.ControlPlane.Registry;
using Berth.ControlPlane.Store;

namespace Berth.ControlPlane.Tests.Registry;

public sealed class ImageRetentionTests
{
    private const int Keep = 5;

    [Fact]
    public void ToRemove_FiveOrFewerReleases_RemovesNothing()
    {
        var releases = Enumerable.Range(1, 5).Select(n => Release(n)).ToList();

        Assert.Empty(ImageRetention.ToRemove(releases, current: 5, assigned: new HashSet<int>(), Keep));
    }

    [Fact]
    public void ToRemove_EightReleases_RemovesTheThreeOldest()
    {
        var releases = Enumerable.Range(1, 8).Select(n => Release(n)).ToList();

        var removed = ImageRetention.ToRemove(releases, current: 8, assigned: new HashSet<int>(), Keep);

        Assert.Equal(
            [("r/shop:v1", "sha256:1"), ("r/shop:v2", "sha256:2"), ("r/shop:v3", "sha256:3")],
            removed);
    }

    [Fact]
    public void ToRemove_OldCurrentAndAssignedReleases_AreKept()
    {
        // After a rollback-free revert, v2 may be current while v3..v8 failed; v1 still runs somewhere.
        var releases = Enumerable.Range(1, 8).Select(n => Release(n)).ToList();

        var removed = ImageRetention.ToRemove(releases, current: 2, assigned: new HashSet<int> { 1 }, Keep);

        Assert.Equal([("r/shop:v3", "sha256:3")], removed);
    }

    [Fact]
    public void ToRemove_ImageSharedWithAKeptRelease_IsKept()
    {
        // v2..v7 are config changes of v1's image: removing it would break every kept release.
        var releases = new List<ReleaseRecord> { Release(1) };
        releases.AddRange(Enumerable.Range(2, 6).Select(n => Release(n, image: 1)));

        Assert.Empty(ImageRetention.ToRemove(releases, current: 7, assigned: new HashSet<int>(), Keep));
    }

    [Fact]
    public void ToRemove_ImageSharedByTwoOldReleases_IsRemovedOnce()
    {
        var releases = new List<ReleaseRecord> { Release(1), Release(2, image: 1) };
        releases.AddRange(Enumerable.Range(3, 5).Select(n => Release(n)));

        var removed = ImageRetention.ToRemove(releases, current: 7, assigned: new HashSet<int>(), Keep);

        Assert.Equal([("r/shop:v1", "sha256:1")], removed);
    }

    [Fact]
    public void ToRemove_KeepOfOne_KeepsOnlyTheNewestAndCurrent()
    {
        var releases = Enumerable.Range(1, 3).Select(n => Release(n)).ToList();

        var removed = ImageRetention.ToRemove(releases, current: 3, assigned: new HashSet<int>(), keep: 1);

        Assert.Equal(2, removed.Count);
    }

    [Fact]
    public void RemovedImageError_SaysWhyAndWhatToDo()
    {
        var error = ImageRetention.RemovedImageError("shop", 2, Keep);

        Assert.StartsWith(
            "v2's image was removed; Berth keeps the images of the last 5 releases", error, StringComparison.Ordinal);
    }

    private static ReleaseRecord Release(int number, int? image = null) => new(
        "shop",
        number,
        $"r/shop:v{image ?? number}",
        $"sha256:{image ?? number}",
        ConfigSnapshot.Empty,
        "",
        "deploy",
        ReleaseStates.Deployed,
        DateTimeOffset.UnixEpoch,
        new Dictionary<string, string>(),
        ReleaseSources.None,
        "");
}
