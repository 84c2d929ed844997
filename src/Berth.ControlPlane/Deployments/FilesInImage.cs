namespace Berth.ControlPlane.Deployments;

/// <summary>Files a node read from an image's working directory, name to text.</summary>
/// <param name="Directory">The working directory they were read from.</param>
/// <param name="Files">The files found; a file the image lacks is not there.</param>
public sealed record FilesInImage(string Directory, IReadOnlyDictionary<string, string> Files)
{
    /// <summary>No files.</summary>
    public static FilesInImage None { get; } = new("/", new Dictionary<string, string>());

    /// <summary>An error in one of these files, saying where the file was.</summary>
    public string Describe(string error) => $"in the image's working directory {Directory}: {error}";
}
