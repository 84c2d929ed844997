namespace Berth.ControlPlane.Registry;

/// <summary>
/// A release's image as the registry's HTTP API names it: <c>127.0.0.1:5000/shop:v3</c> with
/// digest <c>sha256:...</c> is repository <c>shop</c> in registry <c>127.0.0.1:5000</c>.
/// </summary>
/// <param name="Repository">The repository path inside the registry, e.g. <c>shop</c>.</param>
/// <param name="Digest">The manifest digest.</param>
public sealed record RegistryImage(string Repository, string Digest)
{
    /// <summary>
    /// The registry name of <paramref name="image"/> (tagged, in <paramref name="registry"/>) with
    /// <paramref name="digest"/>; null when the image lives in another registry or has no digest.
    /// </summary>
    public static RegistryImage? Of(string image, string digest, string registry)
    {
        var prefix = registry.TrimEnd('/') + "/";
        if (digest.Length == 0 || !image.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var path = image[prefix.Length..];
        var at = path.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            path = path[..at];
        }

        var colon = path.LastIndexOf(':');
        if (colon > path.LastIndexOf('/'))
        {
            path = path[..colon];
        }

        return path.Length == 0 ? null : new RegistryImage(path, digest);
    }
}
