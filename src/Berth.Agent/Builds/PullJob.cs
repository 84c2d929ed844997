using Berth.Agent.Docker;
using Berth.Contracts;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Berth.Agent.Builds;

/// <summary>
/// Makes a release's image from an existing one (<c>berth deploy --image</c>): pulls the
/// reference, tags it as the release's image and pushes that to the cluster registry.
/// </summary>
internal sealed class PullJob(IDockerClient docker, ImagePusher pusher)
{
    /// <summary>Pulls, tags and pushes; returns the pushed digest.</summary>
    public async Task<string> RunAsync(
        BuildCommand command,
        Action<IReadOnlyList<string>> onLines,
        CancellationToken token)
    {
        onLines([$"Pulling {command.Pull}"]);
        await pusher.PullAsync(command.Pull, onLines, token);

        var target = ImageReference.Parse(command.Image);
        var tag = new ImageTagParameters
        {
            RepositoryName = target.Repository,
            Tag = target.Tag ?? ImageReference.DefaultTag,
        };
        await docker.Images.TagImageAsync(LocalName(command.Pull), tag, token);

        onLines([$"Pushing {command.Image}"]);
        return await pusher.PushAsync(command.Image, onLines, token);
    }

    /// <summary>
    /// The name a pulled reference has locally: with its digest, else with its tag (latest when
    /// it names none).
    /// </summary>
    public static string LocalName(string reference)
    {
        var parsed = ImageReference.Parse(reference);
        return parsed.Digest is not null
            ? $"{parsed.Repository}@{parsed.Digest}"
            : $"{parsed.Repository}:{parsed.Tag ?? ImageReference.DefaultTag}";
    }
}
