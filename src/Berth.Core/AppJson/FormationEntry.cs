namespace Berth.Core.AppJson;

/// <summary>What app.json's <c>formation.&lt;type&gt;</c> says about one process type.</summary>
/// <param name="Quantity">
/// The instance count the type starts with when the app has none yet, or null when not given.
/// </param>
/// <param name="MaxParallel">
/// How many instances of the type a deploy replaces at once, or null when not given.
/// </param>
public sealed record FormationEntry(int? Quantity, int? MaxParallel);
