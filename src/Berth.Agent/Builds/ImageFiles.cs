using System.Formats.Tar;
using System.Net;
using Berth.Agent.Docker;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;

namespace Berth.Agent.Builds;

/// <summary>
/// Reads small text files (the Procfile, app.json, CHECKS) from an image's working directory:
/// its WORKDIR, else <c>/</c>. The files come from the archive of a container that is created
/// from the image, never started, and removed again.
/// </summary>
internal sealed class ImageFiles(IDockerClient docker, ILogger<ImageFiles> logger)
{
    /// <summary>The largest file read; a larger one fails the job.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>
    /// Reads <paramref name="names"/> from <paramref name="image"/> (present on this node);
    /// returns the directory read and the files found, name to text. A name that is missing,
    /// or is not a regular file (one symbolic link is followed), is left out.
    /// </summary>
    public async Task<(string Directory, IReadOnlyDictionary<string, string> Files)> ReadAsync(
        string image,
        IReadOnlyList<string> names,
        string jobId,
        CancellationToken token)
    {
        var inspected = await docker.Images.InspectImageAsync(image, token);
        var directory = string.IsNullOrEmpty(inspected.Config?.WorkingDir) ? "/" : inspected.Config.WorkingDir;
        var created = await docker.Containers.CreateContainerAsync(
            new CreateContainerParameters
            {
                Name = $"berth-files-{jobId}",
                Image = image,

                // Never run: the engine only refuses to create a container that has no command at all.
                Entrypoint = ["/bin/true"],
                HostConfig = new HostConfig { NetworkMode = "none" },
            },
            token);

        try
        {
            var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in names)
            {
                if (await ReadFileAsync(created.ID, PathIn(directory, name), followLink: true, token) is { } text)
                {
                    files[name] = text;
                }
            }

            return (directory, files);
        }
        finally
        {
            await JobContainer.RemoveAsync(docker, created.ID, logger);
        }
    }

    /// <summary><paramref name="name"/> inside <paramref name="directory"/>, or itself when absolute.</summary>
    public static string PathIn(string directory, string name) =>
        name.StartsWith('/') ? name : $"{directory.TrimEnd('/')}/{name}";

    /// <summary>
    /// The text of the first entry of a <c>docker cp</c> archive when it is a regular file; the
    /// target of a symbolic link as <c>Link</c> instead; neither for anything else.
    /// </summary>
    public static async Task<(string? Text, string? Link)> ReadEntryAsync(
        Stream archive,
        string path,
        CancellationToken token)
    {
        using var reader = new TarReader(archive);
        var entry = await reader.GetNextEntryAsync(copyData: false, token);
        switch (entry)
        {
            case { EntryType: TarEntryType.SymbolicLink }:
                return (null, entry.LinkName);
            case { EntryType: TarEntryType.RegularFile or TarEntryType.V7RegularFile, DataStream: { } data }:
                if (entry.Length > MaxBytes)
                {
                    throw new DockerOperationException(
                        $"the image's {path} is larger than {MaxBytes / 1024 / 1024} MiB; " +
                        "Berth reads it as a text file");
                }

                using (var text = new StreamReader(data))
                {
                    return (await text.ReadToEndAsync(token), null);
                }

            default:
                return (null, null);
        }
    }

    private async Task<string?> ReadFileAsync(string containerId, string path, bool followLink, CancellationToken token)
    {
        ContainerArchiveResponse archive;
        try
        {
            archive = await docker.Containers.GetArchiveFromContainerAsync(
                containerId, new ContainerPathStatParameters { Path = path }, statOnly: false, token);
        }
        catch (DockerApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (archive.Stream is not { } stream)
        {
            return null;
        }

        string? text, link;
        await using (stream)
        {
            (text, link) = await ReadEntryAsync(stream, path, token);
        }

        return link is not null && followLink
            ? await ReadFileAsync(containerId, PathIn(path[..(path.LastIndexOf('/') + 1)], link), false, token)
            : text;
    }
}
