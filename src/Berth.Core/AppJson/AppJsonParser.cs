using System.Text.Json;
using Berth.Core.Validation;

namespace Berth.Core.AppJson;

/// <summary>
/// Reads an app's <c>app.json</c>, the manifest Dokku and Heroku read beside the Procfile. Unknown
/// keys are ignored, comments and trailing commas are allowed, and a key whose value is <c>null</c>
/// counts as absent. Every error names the JSON path of the bad value and what it must be.
/// </summary>
/// <remarks>
/// Each section of the file has its own reader (<c>FormationSection</c>, <c>HealthChecksSection</c>)
/// that takes the root object and the error list and returns that section's part of
/// <see cref="AppManifest"/>; a new section (scripts, cron) is a new reader and a new property.
/// </remarks>
public static class AppJsonParser
{
    /// <summary>The file name Dokku looks for at the root of the app's source.</summary>
    public const string FileName = "app.json";

    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>
    /// Parses the text of an app.json: the manifest, or every error found. A leading byte order mark
    /// is ignored.
    /// </summary>
    public static ValidationResult<AppManifest> Parse(string json)
    {
        json = json.TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(json))
        {
            return ValidationResult<AppManifest>.Fail("app.json is empty; write {} in it, or delete it.");
        }

        try
        {
            using var document = JsonDocument.Parse(json, Options);
            return ReadRoot(document.RootElement);
        }
        catch (JsonException exception)
        {
            return ValidationResult<AppManifest>.Fail(DescribeSyntaxError(exception));
        }
    }

    private static ValidationResult<AppManifest> ReadRoot(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return ValidationResult<AppManifest>.Fail(
                "app.json must hold one JSON object, e.g. { \"formation\": {} }; "
                + $"it holds {JsonValues.Describe(root)}.");
        }

        var errors = new List<string>();
        var manifest = new AppManifest
        {
            Formation = FormationSection.Read(root, errors),
            HealthChecks = HealthChecksSection.Read(root, errors),
            Scripts = ScriptsSection.Read(root, errors),
        };

        return errors.Count == 0
            ? ValidationResult<AppManifest>.Ok(manifest)
            : ValidationResult<AppManifest>.Fail(errors);
    }

    /// <summary>The parser's reason without its own position suffix, and the position counted from 1.</summary>
    private static string DescribeSyntaxError(JsonException exception)
    {
        var reason = exception.Message;
        var suffix = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (suffix >= 0)
        {
            reason = reason[..suffix];
        }

        var line = (exception.LineNumber ?? 0) + 1;
        var column = (exception.BytePositionInLine ?? 0) + 1;
        return $"app.json is not valid JSON at line {line}, byte {column}: {reason.TrimEnd('.')}; "
            + "fix the syntax there.";
    }
}
