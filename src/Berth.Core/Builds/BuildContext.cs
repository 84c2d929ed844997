using System.Formats.Tar;

namespace Berth.Core.Builds;

/// <summary>Checks a build context (a tar of the pushed tree) before a node is asked to build it.</summary>
public static class BuildContext
{
    /// <summary>The error when the tree has no Dockerfile at its root.</summary>
    public const string MissingDockerfile =
        "the pushed tree has no Dockerfile at its root; Berth builds apps from a Dockerfile: add one and push again";

    /// <summary>True when the tar holds a regular file named Dockerfile at its root.</summary>
    public static bool HasDockerfile(byte[] tar) => FindRootFile(tar, "Dockerfile") is not null;

    /// <summary>The text of the regular file <paramref name="name"/> at the tar's root, or null.</summary>
    public static string? ReadRootFile(byte[] tar, string name)
    {
        var entry = FindRootFile(tar, name);
        if (entry?.DataStream is null)
        {
            return null;
        }

        using var reader = new StreamReader(entry.DataStream);
        return reader.ReadToEnd();
    }

    private static TarEntry? FindRootFile(byte[] tar, string name)
    {
        try
        {
            using var reader = new TarReader(new MemoryStream(tar, writable: false));
            while (reader.GetNextEntry(copyData: true) is { } entry)
            {
                var path = entry.Name.StartsWith("./", StringComparison.Ordinal) ? entry.Name[2..] : entry.Name;
                if (path == name && entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile)
                {
                    return entry;
                }
            }
        }
        catch (InvalidDataException)
        {
            return null;
        }

        return null;
    }
}
