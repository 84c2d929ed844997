namespace Berth.ControlPlane.Store;

/// <summary>An app's config vars at one version.</summary>
public sealed record ConfigSnapshot(int Version, IReadOnlyDictionary<string, string> Values)
{
    /// <summary>The config of an app that never set any.</summary>
    public static ConfigSnapshot Empty { get; } = new(0, new Dictionary<string, string>());
}
