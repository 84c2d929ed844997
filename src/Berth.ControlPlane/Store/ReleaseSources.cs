namespace Berth.ControlPlane.Store;

/// <summary>
/// The app.json and CHECKS texts a release was deployed with, kept so that its health checks
/// (and those of a rollback to it) follow what was pushed with it.
/// </summary>
/// <param name="AppJson">The app.json text; empty when the release had none.</param>
/// <param name="ChecksFile">The CHECKS text; empty when the release had none.</param>
public sealed record ReleaseSources(string AppJson, string ChecksFile)
{
    /// <summary>A release deployed without an app.json or CHECKS file.</summary>
    public static ReleaseSources None { get; } = new("", "");
}
