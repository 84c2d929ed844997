using Berth.Core.AppJson;
using Berth.ControlPlane.Store;
using Berth.Core.Builds;
using Berth.Core.Health;
using Berth.Core.Processes;
using Berth.Core.Validation;

namespace Berth.ControlPlane.Deployments;

/// <summary>
/// What the pushed tree says about running the app: its Procfile, its app.json, and the texts of
/// its app.json and CHECKS files that the release keeps.
/// </summary>
/// <param name="Processes">Process type to command; empty without a Procfile (the image's command is web).</param>
/// <param name="Manifest">The app.json, or an empty one.</param>
/// <param name="Sources">The raw app.json and CHECKS texts; empty for a file the tree lacks.</param>
public sealed record PushedManifest(
    IReadOnlyDictionary<string, string> Processes,
    AppManifest Manifest,
    ReleaseSources Sources)
{
    /// <summary>A release with no Procfile, no app.json and no CHECKS file (an image deployed as it is).</summary>
    public static PushedManifest None { get; } =
        new(new Dictionary<string, string>(), AppManifest.Empty, ReleaseSources.None);

    /// <summary>
    /// Reads the Procfile, app.json and CHECKS at the root of a build context; every error of the
    /// Procfile and app.json (the CHECKS file is kept as it is for the health checks to read).
    /// </summary>
    public static ValidationResult<PushedManifest> Read(byte[] context)
    {
        // Limitation: the Procfile and app.json are read from the root of the pushed tree only, not from the
        // built image's working directory.
        var errors = new List<string>();
        var processes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var manifest = AppManifest.Empty;

        if (BuildContext.ReadRootFile(context, "Procfile") is { } procfile)
        {
            var parsed = Procfile.Parse(procfile);
            errors.AddRange(parsed.Errors);
            foreach (var process in parsed.Value ?? [])
            {
                errors.AddRange(CommandLine.Split(process.Command).Errors.Select(e => $"Procfile {process.Type}: {e}"));
                processes[process.Type] = process.Command;
            }
        }

        var json = BuildContext.ReadRootFile(context, AppJsonParser.FileName);
        if (json is not null)
        {
            var parsed = AppJsonParser.Parse(json);
            errors.AddRange(parsed.Errors);
            manifest = parsed.Value ?? AppManifest.Empty;
        }

        return errors.Count == 0
            ? ValidationResult<PushedManifest>.Ok(new PushedManifest(processes, manifest, ReadSources(context, json)))
            : ValidationResult<PushedManifest>.Fail(errors);
    }

    private static ReleaseSources ReadSources(byte[] context, string? appJson) =>
        new(appJson ?? "", BuildContext.ReadRootFile(context, ChecksFile.FileName) ?? "");
}
