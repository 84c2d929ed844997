using System.Globalization;
using System.Text.Json.Nodes;
using Berth.Cli.Output;
using Berth.Contracts;

namespace Berth.Cli.Commands;

/// <summary>
/// How the <c>releases</c> commands show a release: a table row with short digest and
/// revision, every field for <c>releases:info</c>, or a JSON object. Config values never
/// reach the CLI; only their keys are shown.
/// </summary>
internal static class ReleaseView
{
    /// <summary>The columns of the <c>releases</c> table.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["version", "state", "description", "digest", "config", "created", "by", "git revision"];

    /// <summary>The columns of the process type table of <c>releases:info</c>.</summary>
    public static IReadOnlyList<string> ProcessColumns { get; } = ["type", "command"];

    /// <summary>What a Procfile-less release runs as <c>web</c>.</summary>
    public const string ImageCommand = "(image command)";

    /// <summary>The table row of <paramref name="release"/>.</summary>
    public static IReadOnlyList<string> Row(ReleaseInfo release) =>
    [
        Version(release),
        release.State,
        release.Description,
        ShortDigest(release.Digest),
        Formatting.Number(release.ConfigVersion),
        Created(release.CreatedAt),
        Or(release.CreatedBy, "unknown"),
        ShortRevision(release.GitRevision),
    ];

    /// <summary>Writes every field of <paramref name="release"/>, then its process types.</summary>
    public static void WriteInfo(IConsoleOutput output, ReleaseInfo release, DateTimeOffset now)
    {
        Formatting.Heading(output, $"{release.App} {Version(release)}");
        Formatting.Fields(
            output,
            [
                ("State", release.State),
                ("Description", release.Description),
                ("Created at", CreatedWithAge(release.CreatedAt, now)),
                ("Created by", Or(release.CreatedBy, "unknown")),
                ("Image", release.Image),
                ("Digest", Or(release.Digest)),
                ("Git revision", Or(release.GitRevision)),
                ("Config version", Formatting.Number(release.ConfigVersion)),
                ("Config keys", release.ConfigKeys.Count == 0 ? "none" : string.Join(' ', release.ConfigKeys)),
            ]);
        output.WriteTable(ProcessColumns, ProcessRows(release));
    }

    /// <summary>Every field of <paramref name="release"/>.</summary>
    public static JsonObject Json(ReleaseInfo release) => new()
    {
        ["app"] = release.App,
        ["version"] = release.Version,
        ["current"] = release.Current,
        ["state"] = release.State,
        ["description"] = release.Description,
        ["image"] = release.Image,
        ["digest"] = release.Digest,
        ["config_version"] = release.ConfigVersion,
        ["created_at"] = release.CreatedAt,
        ["created_by"] = release.CreatedBy,
        ["git_revision"] = release.GitRevision,
        ["processes"] = JsonText.Strings(release.Processes),
        ["config_keys"] = JsonText.Array(release.ConfigKeys),
    };

    /// <summary><c>v3</c>, or <c>v3 (current)</c> for the release the app should run.</summary>
    public static string Version(ReleaseInfo release) =>
        release.Current ? $"{Formatting.Release(release.Version)} (current)" : Formatting.Release(release.Version);

    /// <summary>The first 12 hex digits of a digest, as Docker shows image ids; <c>none</c> when empty.</summary>
    public static string ShortDigest(string digest)
    {
        var hex = digest.StartsWith("sha256:", StringComparison.Ordinal) ? digest["sha256:".Length..] : digest;
        return Or(hex.Length > 12 ? hex[..12] : hex);
    }

    /// <summary>The first 7 characters of a git revision, as git shows them; <c>none</c> when empty.</summary>
    public static string ShortRevision(string revision) => Or(revision.Length > 7 ? revision[..7] : revision);

    /// <summary>A creation time as <c>2025-06-01T11:55:00Z</c>; the text as given when it does not parse.</summary>
    public static string Created(string createdAt) =>
        ParseTime(createdAt) is { } time
            ? time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : createdAt;

    private static string CreatedWithAge(string createdAt, DateTimeOffset now) =>
        ParseTime(createdAt) is { } time ? $"{Created(createdAt)} ({Formatting.Duration(now - time)} ago)" : createdAt;

    private static IReadOnlyList<IReadOnlyList<string>> ProcessRows(ReleaseInfo release) =>
        release.Processes.Count == 0
            ? [["web", ImageCommand]]
            : release.Processes
                .OrderBy(pair => pair.Key, StringComparer.Ordinal)
                .Select(pair => (IReadOnlyList<string>)[pair.Key, pair.Value])
                .ToList();

    private static DateTimeOffset? ParseTime(string text)
    {
        const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out var time) ? time : null;
    }

    private static string Or(string text, string empty = "none") => text.Length == 0 ? empty : text;
}
