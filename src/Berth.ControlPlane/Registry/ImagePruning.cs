using Berth.Contracts;
using Berth.ControlPlane.Agents;
using Berth.ControlPlane.Store;

namespace Berth.ControlPlane.Registry;

/// <summary>
/// Removes the images of an app's releases that the cluster no longer keeps
/// (<see cref="ImageRetention"/>): their manifests from the registry, and their local copies
/// from every connected node. Runs after each successful deployment; failures are logged and
/// never fail the deployment.
/// </summary>
public sealed partial class ImagePruning(
    IClusterStore store,
    AgentRegistry agents,
    RegistryClient registry,
    ControlPlaneOptions options,
    ILogger<ImagePruning> logger)
{
    /// <summary>
    /// Prunes the images of <paramref name="app"/>; returns the image references this call removed
    /// from the registry (not those an earlier prune removed already).
    /// </summary>
    public async Task<IReadOnlyList<string>> PruneAsync(string app, CancellationToken ct)
    {
        var current = (await store.GetAppAsync(app, ct))?.CurrentRelease ?? 0;
        var assigned = (await store.ListAssignmentsAsync(ct))
            .Where(a => a.App == app)
            .Select(a => a.Release)
            .ToHashSet();
        var removals = ImageRetention.ToRemove(
            await store.ListReleasesAsync(app, ct), current, assigned, options.KeepReleases);
        if (removals.Count == 0)
        {
            return [];
        }

        var deleted = new List<string>();
        foreach (var (image, digest) in removals)
        {
            if (await DeleteManifestAsync(app, image, digest, ct))
            {
                deleted.Add(image);
            }
        }

        // Limitation: an agent not connected now keeps these images; the next prune does not name them again.
        var prune = new PruneImages();
        prune.Images.Add(removals.Select(r => r.Image).Distinct(StringComparer.Ordinal));
        foreach (var session in agents.Sessions)
        {
            session.Send(new ControlMessage { Prune = prune });
        }

        return deleted;
    }

    private async Task<bool> DeleteManifestAsync(string app, string image, string digest, CancellationToken ct)
    {
        var named = RegistryImage.Of(image, digest, options.Registry);
        if (named is null)
        {
            return false;
        }

        var (deleted, error) = await registry.DeleteManifestAsync(named, ct);
        if (deleted)
        {
            Log.ManifestDeleted(logger, app, image, digest);
        }
        else if (error.Length > 0)
        {
            Log.ManifestNotDeleted(logger, app, image, error);
        }

        return deleted;
    }

    private static partial class Log
    {
        [LoggerMessage(EventIds.ImageManifestDeleted, LogLevel.Information,
            "Removed the image {Image} ({Digest}) of {App}, which is older than the releases Berth keeps")]
        public static partial void ManifestDeleted(ILogger logger, string app, string image, string digest);

        [LoggerMessage(EventIds.ImageManifestNotDeleted, LogLevel.Warning,
            "The image {Image} of {App} could not be removed from the registry: {Reason}")]
        public static partial void ManifestNotDeleted(ILogger logger, string app, string image, string reason);
    }
}
