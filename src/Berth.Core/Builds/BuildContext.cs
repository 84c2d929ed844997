using System.Formats.Tar;

namespace Berth.Core.Builds;

/// <summary>Checks a build context (a tar of the pushed tree) before a node is asked to build it.</summary>
public static class BuildContext
{
    /// <summary>The error when the tree has no Dockerfile at its root.</summary>
    public const string MissingDockerfile =
        "the pushed tree has no Dockerfile at its root; Berth builds apps from a Dockerfile: add one and push again";

    /// <summary>True when the tar holds a regular file named Dockerfile at its root.</summary>
    public static bool HasDockerfile(byte[] tar)
    {
        try
        {
            using var reader = new TarReader(new MemoryStream(tar, writable: false));
            while (reader.GetNextEntry() is { } entry)
            {
                var name = entry.Name.StartsWith("./", StringComparison.Ordinal) ? entry.Name[2..] : entry.Name;
                if (name == "Dockerfile" && entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile)
                {
                    return true;
                }
            }
        }
        catch (InvalidDataException)
        {
            return false;
        }

        return false;
    }
}
