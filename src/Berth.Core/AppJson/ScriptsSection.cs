using System.Text.Json;

namespace Berth.Core.AppJson;

/// <summary>
/// Reads app.json's <c>scripts</c> section as Dokku does: only <c>scripts.dokku.predeploy</c> and
/// <c>scripts.dokku.postdeploy</c> count, each a shell command. Other scripts (Heroku's top-level
/// <c>postdeploy</c> for review apps) are ignored; an empty command counts as absent.
/// </summary>
internal static class ScriptsSection
{
    /// <summary>The section's key in app.json.</summary>
    public const string Key = "scripts";

    /// <summary>The key of Dokku's part of the section.</summary>
    public const string DokkuKey = "dokku";

    private const string SectionExample = "{ \"dokku\": { \"predeploy\": \"./manage.py migrate\" } }";

    private const string DokkuExample = "{ \"predeploy\": \"./manage.py migrate\" }";

    /// <summary>The scripts, none when absent; every bad value is added to <paramref name="errors"/>.</summary>
    public static AppScripts Read(JsonElement root, ICollection<string> errors)
    {
        if (!JsonValues.TryGet(root, Key, out var section)
            || !JsonValues.RequireObject(section, Key, SectionExample, errors))
        {
            return AppScripts.None;
        }

        var path = $"{Key}.{DokkuKey}";
        if (!JsonValues.TryGet(section, DokkuKey, out var dokku)
            || !JsonValues.RequireObject(dokku, path, DokkuExample, errors))
        {
            return AppScripts.None;
        }

        return new AppScripts(
            Command(JsonValues.ReadString(dokku, path, "predeploy", errors)),
            Command(JsonValues.ReadString(dokku, path, "postdeploy", errors)));
    }

    private static string? Command(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
