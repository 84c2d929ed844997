using Berth.Core.Health;
using Berth.Core.Placement;

namespace Berth.ControlPlane.Store;

/// <summary>One process type of an app's formation: its count and how its instances are placed.</summary>
/// <param name="Process">The process type.</param>
/// <param name="Quantity">How many instances should run.</param>
/// <param name="MemoryMb">Memory reserved per instance, also its container limit; 0 for none.</param>
/// <param name="Constraints">Labels a node must carry to run the type.</param>
/// <param name="MaxParallel">Instances replaced at a time in a rolling deployment.</param>
/// <param name="PinnedRelease">
/// The release the type runs when it is not the app's current one (after ps:restart of
/// another type); 0 to follow the app's current release.
/// </param>
public sealed record ProcessSettings(
    string Process,
    int Quantity,
    long MemoryMb,
    IReadOnlyDictionary<string, string> Constraints,
    int MaxParallel,
    int PinnedRelease = 0)
{
    /// <summary>Seconds between SIGTERM and SIGKILL when nobody set them with ps:set.</summary>
    public const int DefaultStopTimeoutSeconds = StopTimeoutLimits.DefaultSeconds;

    /// <summary>What the <c>checks:*</c> commands set for the type: its mode and check settings.</summary>
    public HealthCheckOverrides Checks { get; init; } = HealthCheckOverrides.None;

    /// <summary>Seconds an instance has between SIGTERM and SIGKILL when it stops.</summary>
    public int StopTimeoutSeconds { get; init; } = DefaultStopTimeoutSeconds;

    /// <summary>The release the type runs when the app's current release is <paramref name="current"/>.</summary>
    public int ReleaseOf(int current) => PinnedRelease > 0 ? PinnedRelease : current;

    /// <summary>The settings of a type nobody configured yet.</summary>
    public static ProcessSettings Default(string process, int quantity) =>
        new(process, quantity, 0, new Dictionary<string, string>(), 1);
}
