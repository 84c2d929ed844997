using Berth.Core.AppJson;
using Berth.ControlPlane.Store;
using Berth.Core.Builds;
using Berth.Core.Health;
using Berth.Core.Processes;
using Berth.Core.Validation;

namespace Berth.ControlPlane.Deployments;

/// <summary>
/// What a release's files say about running the app: its Procfile, its app.json, and the texts
/// of its app.json and CHECKS files that the release keeps. Each file is read from the root of
/// the pushed tree when the tree has it, else from the image's working directory.
/// </summary>
/// <param name="Processes">Process type to command; empty without a Procfile (the image's command is web).</param>
/// <param name="Manifest">The app.json, or an empty one.</param>
/// <param name="Sources">The raw app.json and CHECKS texts; empty for a file neither place has.</param>
public sealed record ReleaseManifest(
    IReadOnlyDictionary<string, string> Processes,
    AppManifest Manifest,
    ReleaseSources Sources)
{
    /// <summary>The names of the files a release is read from.</summary>
    public static readonly IReadOnlyList<string> FileNames =
        [Procfile.FileName, AppJsonParser.FileName, ChecksFile.FileName];

    /// <summary>The files of <see cref="FileNames"/> at the root of a build context, name to text.</summary>
    public static IReadOnlyDictionary<string, string> InTree(byte[] context) =>
        FileNames
            .Select(name => (Name: name, Text: BuildContext.ReadRootFile(context, name)))
            .Where(file => file.Text is not null)
            .ToDictionary(file => file.Name, file => file.Text!, StringComparer.Ordinal);

    /// <summary>
    /// Reads the release's files, each from <paramref name="tree"/> when it has it, else from
    /// <paramref name="image"/>; every error of the Procfile and app.json (the CHECKS file is
    /// kept as it is for the health checks to read), those of the image's files saying so.
    /// </summary>
    public static ValidationResult<ReleaseManifest> Read(
        IReadOnlyDictionary<string, string> tree,
        FilesInImage image)
    {
        var errors = new List<string>();
        var processes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var manifest = AppManifest.Empty;

        (string? Text, Func<string, string> Where) File(string name) =>
            tree.TryGetValue(name, out var text)
                ? (text, error => error)
                : (image.Files.GetValueOrDefault(name), image.Describe);

        var (procfile, procfileAt) = File(Procfile.FileName);
        if (procfile is not null)
        {
            var parsed = Procfile.Parse(procfile);
            errors.AddRange(parsed.Errors.Select(procfileAt));
            foreach (var process in parsed.Value ?? [])
            {
                var split = CommandLine.Split(process.Command);
                errors.AddRange(split.Errors.Select(e => procfileAt($"Procfile {process.Type}: {e}")));
                processes[process.Type] = process.Command;
            }
        }

        var (json, jsonAt) = File(AppJsonParser.FileName);
        if (json is not null)
        {
            var parsed = AppJsonParser.Parse(json);
            errors.AddRange(parsed.Errors.Select(jsonAt));
            manifest = parsed.Value ?? AppManifest.Empty;
        }

        var sources = new ReleaseSources(json ?? "", File(ChecksFile.FileName).Text ?? "");
        return errors.Count == 0
            ? ValidationResult<ReleaseManifest>.Ok(new ReleaseManifest(processes, manifest, sources))
            : ValidationResult<ReleaseManifest>.Fail(errors);
    }
}
