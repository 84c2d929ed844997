using Berth.Contracts;
using Docker.DotNet.Models;

namespace Berth.Agent.Builds;

/// <summary>
/// The Docker requests of a script run (app.json predeploy and postdeploy), as plain data: a
/// container of the image that only idles, the script run in it by <c>docker exec</c>, and the
/// commit of its changes back to the image.
/// </summary>
/// <remarks>
/// The script runs by exec rather than as the container's command so that neither its command
/// nor the app's config vars (secrets) end up in the container's config, which a commit would
/// copy into the image. The commit names the image's own command and entrypoint again so the
/// committed image starts as the built one did.
/// </remarks>
internal static class ScriptContainer
{
    /// <summary>The shell that runs scripts and the idle loop.</summary>
    public static readonly IList<string> Shell = ["/bin/sh", "-c"];

    // Limitation: an image with neither an entrypoint nor a CMD gets this loop as its CMD after a predeploy commit.
    /// <summary>What the container runs while scripts execute in it.</summary>
    public const string IdleLoop = "while :; do sleep 3600; done";

    /// <summary>The host networking mode, as instances have it.</summary>
    public const string HostNetwork = "host";

    /// <summary>
    /// The create request: the image's entrypoint is only replaced when it has one (an image
    /// without one keeps none, so the commit leaves it without one too).
    /// </summary>
    /// <param name="image">The image to run.</param>
    /// <param name="name">The container's name.</param>
    /// <param name="imageEntrypoint">The image's own entrypoint; null or empty when it has none.</param>
    public static CreateContainerParameters Create(string image, string name, IList<string>? imageEntrypoint)
    {
        var hasEntrypoint = imageEntrypoint is { Count: > 0 };
        return new CreateContainerParameters
        {
            Name = name,
            Image = image,
            Entrypoint = hasEntrypoint ? [.. Shell] : null,
            Cmd = hasEntrypoint ? [IdleLoop] : [.. Shell, IdleLoop],
            HostConfig = new HostConfig { NetworkMode = HostNetwork, Init = true, AutoRemove = false },
        };
    }

    /// <summary>The exec request that runs <paramref name="script"/> with its environment.</summary>
    public static ContainerExecCreateParameters Exec(ScriptRun script) => new()
    {
        Cmd = [.. Shell, script.Command],
        Env = [.. script.Env.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")],
        AttachStdout = true,
        AttachStderr = true,
    };

    /// <summary>
    /// The commit of container <paramref name="containerId"/> to <paramref name="image"/>, with the
    /// image's own command, entrypoint and environment restored.
    /// </summary>
    public static CommitContainerChangesParameters Commit(
        string containerId,
        string image,
        DockerOCIImageConfig original)
    {
        var reference = Docker.ImageReference.Parse(image);
        return new CommitContainerChangesParameters
        {
            ContainerID = containerId,
            RepositoryName = reference.Repository,
            Tag = reference.Tag ?? Docker.ImageReference.DefaultTag,
            Cmd = original.Cmd,
            Entrypoint = original.Entrypoint,
            Env = original.Env,
            WorkingDir = original.WorkingDir ?? "",
            User = original.User ?? "",
            Labels = original.Labels,
            ExposedPorts = original.ExposedPorts,
            Volumes = original.Volumes,
            StopSignal = original.StopSignal ?? "",
        };
    }

    /// <summary>Why a script failed, from its exit code.</summary>
    public static string ExitError(long exitCode) => $"the script exited with code {exitCode}";
}
