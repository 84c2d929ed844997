using Berth.Agent.Docker;

namespace Berth.Agent.Containers;

/// <summary>
/// Decides which images a reconcile pulls: each distinct image of its new instances once, and
/// none the node already has under a pinned reference (a release tag or a digest, which never
/// change). Pure: the node's images are a parameter.
/// </summary>
internal static class ImagePullPlanner
{
    /// <summary>The images to pull and those already here, for the new instances of <paramref name="plan"/>.</summary>
    /// <param name="plan">The reconcile's operations.</param>
    /// <param name="local">The node's image references (Docker's RepoTags and RepoDigests).</param>
    public static ImagePullPlan Plan(IEnumerable<ContainerOperation> plan, IReadOnlySet<string> local)
    {
        var images = plan.OfType<StartInstance>()
            .Select(start => start.Assignment.Image)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var present = images.Where(image => IsPinned(image) && local.Contains(LocalName(image))).ToList();
        return new ImagePullPlan([.. images.Except(present, StringComparer.Ordinal)], present);
    }

    /// <summary>
    /// True when <paramref name="image"/> names content that cannot change: a digest, or a tag
    /// other than <c>latest</c> (Berth tags every release once).
    /// </summary>
    public static bool IsPinned(string image)
    {
        var reference = ImageReference.Parse(image);
        return reference.Digest is not null || reference.Tag is { } tag && tag != ImageReference.DefaultTag;
    }

    /// <summary>
    /// How Docker lists <paramref name="image"/> locally: <c>repo@digest</c> for a digest, else <c>repo:tag</c>.
    /// </summary>
    public static string LocalName(string image)
    {
        var reference = ImageReference.Parse(image);
        return reference.Digest is { } digest
            ? $"{reference.Repository}@{digest}"
            : $"{reference.Repository}:{reference.Tag ?? ImageReference.DefaultTag}";
    }
}
