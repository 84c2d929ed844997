namespace Berth.Core.Processes;

/// <summary>The formation an app gets when a release is deployed, and what the deploy removes.</summary>
/// <param name="Formation">The instance count of every process type of the release.</param>
/// <param name="Dropped">
/// The process types the app ran that the release no longer defines, with the count each had, so
/// that the deploy can tell the user they stop.
/// </param>
public sealed record ReleaseFormation(
    IReadOnlyDictionary<string, int> Formation,
    IReadOnlyDictionary<string, int> Dropped);
