using Berth.Agent.Docker;
using Berth.Contracts;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;

namespace Berth.Agent.Images;

/// <summary>
/// Removes the images of releases the cluster no longer keeps from this node. Removal is never
/// forced: an image a container still uses stays, and one already gone is no error.
/// </summary>
internal sealed partial class ImagePruner(IDockerClient docker, ILogger<ImagePruner> logger)
{
    /// <summary>Starts removing the images of <paramref name="prune"/> in the background.</summary>
    public void Start(PruneImages prune, CancellationToken stoppingToken) =>
        _ = Task.Run(() => PruneAsync(prune, stoppingToken), CancellationToken.None);

    /// <summary>Removes each image in turn; logs what happened to each; never throws.</summary>
    public async Task PruneAsync(PruneImages prune, CancellationToken stoppingToken)
    {
        foreach (var image in prune.Images)
        {
            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            var (removal, reason) = await RemoveAsync(image, stoppingToken);
            Report(image, removal, reason);
        }
    }

    private async Task<(ImageRemoval Removal, string Reason)> RemoveAsync(string image, CancellationToken token)
    {
        try
        {
            await docker.Images.DeleteImageAsync(image, new ImageDeleteParameters { Force = false }, token);
            return (ImageRemoval.Removed, "");
        }
        catch (DockerApiException ex)
        {
            return (ImageRemovals.FromStatus(ex.StatusCode), DockerErrors.Describe(ex));
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TimeoutException)
        {
            return (ImageRemoval.Failed, DockerErrors.Describe(ex));
        }
        catch (OperationCanceledException)
        {
            return (ImageRemoval.Failed, "the agent is stopping");
        }
    }

    private void Report(string image, ImageRemoval removal, string reason)
    {
        switch (removal)
        {
            case ImageRemoval.Removed:
                Log.Removed(logger, image);
                break;
            case ImageRemoval.NotFound:
                Log.Skipped(logger, image, "this node does not have it");
                break;
            case ImageRemoval.InUse:
                Log.Skipped(logger, image, "a container still uses it");
                break;
            default:
                Log.Failed(logger, image, reason);
                break;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = EventIds.ImageRemoved, Level = LogLevel.Information,
            Message = "Removed image {Image}, which the cluster no longer keeps")]
        public static partial void Removed(ILogger logger, string image);

        [LoggerMessage(EventId = EventIds.ImageKept, Level = LogLevel.Debug,
            Message = "Image {Image} was not removed: {Reason}")]
        public static partial void Skipped(ILogger logger, string image, string reason);

        [LoggerMessage(EventId = EventIds.ImageRemovalFailed, Level = LogLevel.Warning,
            Message = "Image {Image} could not be removed: {Reason}")]
        public static partial void Failed(ILogger logger, string image, string reason);
    }
}
