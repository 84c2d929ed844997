using Berth.Core.AppJson;
using Berth.Core.Builds;
using Berth.Core.Processes;
using Berth.Core.Validation;

namespace Berth.ControlPlane.Deployments;

/// <summary>What the pushed tree says about running the app: its Procfile and its app.json.</summary>
/// <param name="Processes">Process type to command; empty without a Procfile (the image's command is web).</param>
/// <param name="Manifest">The app.json, or an empty one.</param>
public sealed record PushedManifest(IReadOnlyDictionary<string, string> Processes, AppManifest Manifest)
{
    /// <summary>A release with no Procfile and no app.json.</summary>
    public static PushedManifest None { get; } = new(new Dictionary<string, string>(), AppManifest.Empty);

    /// <summary>Reads the Procfile and app.json at the root of a build context; every error of both.</summary>
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

        if (BuildContext.ReadRootFile(context, "app.json") is { } json)
        {
            var parsed = AppJsonParser.Parse(json);
            errors.AddRange(parsed.Errors);
            manifest = parsed.Value ?? AppManifest.Empty;
        }

        return errors.Count == 0
            ? ValidationResult<PushedManifest>.Ok(new PushedManifest(processes, manifest))
            : ValidationResult<PushedManifest>.Fail(errors);
    }
}
