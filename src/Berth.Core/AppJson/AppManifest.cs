namespace Berth.Core.AppJson;

/// <summary>
/// What an app's <c>app.json</c> says, section by section. Each section is empty when the file, or
/// the section, is absent.
/// </summary>
public sealed record AppManifest
{
    /// <summary>The manifest of an app without an app.json.</summary>
    public static AppManifest Empty { get; } = new();

    /// <summary>The <c>formation</c> section: process type to its entry.</summary>
    public IReadOnlyDictionary<string, FormationEntry> Formation { get; init; } =
        new Dictionary<string, FormationEntry>(StringComparer.Ordinal);
}
