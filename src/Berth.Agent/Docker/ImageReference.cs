namespace Berth.Agent.Docker;

/// <summary>
/// An image reference split the way the Docker API wants it for pulls and pushes:
/// <c>127.0.0.1:5000/myapp:v3</c> is repository <c>127.0.0.1:5000/myapp</c> and tag <c>v3</c>.
/// </summary>
/// <param name="Repository">Everything before the tag or digest, registry included.</param>
/// <param name="Tag">The tag, or null.</param>
/// <param name="Digest">The digest after <c>@</c>, or null.</param>
internal sealed record ImageReference(string Repository, string? Tag, string? Digest)
{
    /// <summary>The tag Docker assumes when none is given.</summary>
    public const string DefaultTag = "latest";

    /// <summary>What to pass as the pull's tag: the digest, else the tag, else <c>latest</c>.</summary>
    public string PullTag => Digest ?? Tag ?? DefaultTag;

    /// <summary>Splits <paramref name="reference"/>; a colon in the registry's host:port is not a tag.</summary>
    public static ImageReference Parse(string reference)
    {
        var at = reference.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            var named = Parse(reference[..at]);
            return named with { Digest = reference[(at + 1)..] };
        }

        var lastSlash = reference.LastIndexOf('/');
        var lastColon = reference.LastIndexOf(':');

        return lastColon > lastSlash
            ? new ImageReference(reference[..lastColon], reference[(lastColon + 1)..], null)
            : new ImageReference(reference, null, null);
    }
}
