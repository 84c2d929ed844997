using Berth.Agent.Docker;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Berth.Agent.Builds;

/// <summary>Pushes a local image to the registry and returns the digest the registry gave it.</summary>
internal sealed class ImagePusher(IDockerClient docker)
{
    /// <summary>
    /// Pushes <paramref name="image"/>, showing its statuses through <paramref name="onLines"/>;
    /// throws <see cref="DockerOperationException"/> when the push fails or names no digest.
    /// </summary>
    public async Task<string> PushAsync(string image, Action<IReadOnlyList<string>> onLines, CancellationToken token)
    {
        var reference = ImageReference.Parse(image);
        var parameters = new ImagePushParameters { Tag = reference.Tag ?? ImageReference.DefaultTag };
        string? error = null;
        string? digest = null;

        // The engine answers 200 and reports a failed push only as an error message in the stream.
        var progress = new CallbackProgress<JSONMessage>(message =>
        {
            onLines(DockerProgressLines.Of(message));
            error ??= message.Error?.Message;
            digest ??= PushDigestParser.Parse(message);
        });

        await docker.Images.PushImageAsync(reference.Repository, parameters, new AuthConfig(), progress, token);

        return error is not null ? throw new DockerOperationException($"pushing {image} failed: {error}")
            : digest ?? throw new DockerOperationException($"pushing {image} reported no digest");
    }

    /// <summary>
    /// Pulls <paramref name="image"/>, showing its statuses through <paramref name="onLines"/>;
    /// throws <see cref="DockerOperationException"/> with the engine's reason when it fails.
    /// </summary>
    public async Task PullAsync(string image, Action<IReadOnlyList<string>> onLines, CancellationToken token)
    {
        var reference = ImageReference.Parse(image);
        var parameters = new ImagesCreateParameters { FromImage = reference.Repository, Tag = reference.PullTag };
        string? error = null;
        var progress = new CallbackProgress<JSONMessage>(message =>
        {
            onLines(DockerProgressLines.Of(message));
            error ??= message.Error?.Message;
        });

        try
        {
            await docker.Images.CreateImageAsync(parameters, new AuthConfig(), progress, token);
        }
        catch (DockerApiException ex)
        {
            error ??= DockerErrors.Describe(ex);
        }

        if (error is not null)
        {
            throw new DockerOperationException($"pulling {image} failed: {error}");
        }
    }
}
