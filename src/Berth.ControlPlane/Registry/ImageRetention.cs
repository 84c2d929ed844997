using Berth.ControlPlane.Store;

namespace Berth.ControlPlane.Registry;

/// <summary>
/// Which release images the cluster keeps: those of the newest few releases of an app by
/// number (<see cref="ControlPlaneOptions.KeepReleases"/>, 5 unless set), of its current
/// release, and of any release an instance still runs. Every other image (one that no kept
/// release shares) is removed from the registry and the nodes after each successful deployment.
/// </summary>
public static class ImageRetention
{
    /// <summary>
    /// The images to remove: the distinct image references (with their digests) of releases
    /// outside the kept set that no kept release uses.
    /// </summary>
    /// <param name="releases">Every release of one app.</param>
    /// <param name="current">The app's current release; 0 for none.</param>
    /// <param name="assigned">The releases that instances are assigned to.</param>
    /// <param name="keep">How many of the newest releases to keep.</param>
    public static IReadOnlyList<(string Image, string Digest)> ToRemove(
        IReadOnlyList<ReleaseRecord> releases,
        int current,
        IReadOnlySet<int> assigned,
        int keep)
    {
        var newest = releases.OrderByDescending(r => r.Number).Take(keep).Select(r => r.Number).ToHashSet();
        var kept = releases
            .Where(r => newest.Contains(r.Number) || r.Number == current || assigned.Contains(r.Number))
            .ToList();
        var keptNumbers = kept.Select(r => r.Number).ToHashSet();
        var keptImages = kept.Select(r => r.Image).ToHashSet(StringComparer.Ordinal);
        var keptDigests = kept.Select(r => r.Digest).Where(d => d.Length > 0).ToHashSet(StringComparer.Ordinal);

        return releases
            .Where(r => !keptNumbers.Contains(r.Number))
            .Where(r => !keptImages.Contains(r.Image) && !keptDigests.Contains(r.Digest))
            .Select(r => (r.Image, r.Digest))
            .Distinct()
            .OrderBy(pair => pair.Image, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Why a rollback to <paramref name="release"/> is refused once its image was removed: a
    /// sentence that says what to do.
    /// </summary>
    public static string RemovedImageError(string app, int release, int keep) =>
        $"v{release}'s image was removed; Berth keeps the images of the last {keep} releases of " +
        $"'{app}', so deploy it again (git push, or berth deploy {app} --image REF)";
}
