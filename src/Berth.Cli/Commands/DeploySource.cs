using System.Formats.Tar;
using System.IO.Compression;
using Berth.Cli.Errors;
using Berth.Core.Builds;

namespace Berth.Cli.Commands;

/// <summary>
/// What <c>berth deploy</c> sends: an image reference, or the bytes of a tar of a build context
/// (a directory tarred here, or a .tar / .tar.gz file) with a Dockerfile at its root. Every check
/// runs before the control plane is called, so a bad input changes nothing.
/// </summary>
/// <param name="Image">The image reference; null for a tar.</param>
/// <param name="Tar">The uncompressed tar; null for an image.</param>
/// <param name="Description">What the release will say made it.</param>
internal sealed record DeploySource(string? Image, byte[]? Tar, string Description)
{
    /// <summary>The Dockerfile's name at the root of a build context.</summary>
    public const string Dockerfile = "Dockerfile";

    /// <summary>
    /// Reads the source from the options: exactly one of <paramref name="image"/> and
    /// <paramref name="tarPath"/> (relative to <paramref name="workingDirectory"/>); throws a
    /// <see cref="CliException"/> that says what is wrong otherwise.
    /// </summary>
    public static DeploySource Resolve(string? image, string? tarPath, string workingDirectory)
    {
        var hasImage = !string.IsNullOrWhiteSpace(image);
        var hasTar = !string.IsNullOrWhiteSpace(tarPath);
        if (hasImage == hasTar)
        {
            throw new CliException(hasImage
                ? "give either --image or --tar, not both"
                : "give what to deploy: --image REF (an existing image) or --tar PATH (a directory or tar with a " +
                    "Dockerfile)");
        }

        return hasImage
            ? new DeploySource(image!.Trim(), null, $"deploy {image.Trim()}")
            : new DeploySource(
                null, ReadTar(Path.GetFullPath(tarPath!, workingDirectory)), $"deploy --tar {tarPath}");
    }

    /// <summary>The uncompressed tar of the directory or tar file at <paramref name="path"/>.</summary>
    public static byte[] ReadTar(string path)
    {
        byte[] tar;
        if (Directory.Exists(path))
        {
            if (!File.Exists(Path.Combine(path, Dockerfile)))
            {
                throw new CliException(
                    $"{path} has no Dockerfile at its root; Berth builds apps from a Dockerfile: add one there");
            }

            tar = TarDirectory(path);
        }
        else if (File.Exists(path))
        {
            tar = ReadTarFile(path);
            if (!BuildContext.HasDockerfile(tar))
            {
                throw new CliException(
                    $"{path} holds no Dockerfile at its root; Berth builds apps from a Dockerfile: " +
                    "add one at the top of the tar");
            }
        }
        else
        {
            throw new CliException($"{path} does not exist; give a directory or a .tar / .tar.gz file to --tar");
        }

        return tar;
    }

    private static byte[] TarDirectory(string directory)
    {
        using var buffer = new MemoryStream();
        TarFile.CreateFromDirectory(directory, buffer, includeBaseDirectory: false);
        return buffer.ToArray();
    }

    private static byte[] ReadTarFile(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b)
        {
            try
            {
                using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
                using var plain = new MemoryStream();
                gzip.CopyTo(plain);
                bytes = plain.ToArray();
            }
            catch (InvalidDataException ex)
            {
                throw new CliException(
                    $"{path} is not a valid .tar.gz file ({ex.Message}); give a tar or a directory");
            }
        }

        return IsTar(bytes)
            ? bytes
            : throw new CliException($"{path} is not a tar file; give a directory, a .tar or a .tar.gz file");
    }

    private static bool IsTar(byte[] bytes)
    {
        try
        {
            using var reader = new TarReader(new MemoryStream(bytes, writable: false));
            return reader.GetNextEntry() is not null;
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or EndOfStreamException)
        {
            return false;
        }
    }
}
