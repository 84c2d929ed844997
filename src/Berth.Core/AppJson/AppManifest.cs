using Berth.Core.Health;

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

    /// <summary>
    /// The <c>healthchecks</c> section: process type to its checks of every purpose, in file order.
    /// <see cref="HealthCheckPlan.For"/> picks the ones a deploy runs.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<HealthCheck>> HealthChecks { get; init; } =
        new Dictionary<string, IReadOnlyList<HealthCheck>>(StringComparer.Ordinal);

    /// <summary>The <c>scripts.dokku</c> section: the predeploy and postdeploy commands.</summary>
    public AppScripts Scripts { get; init; } = AppScripts.None;
}
