namespace Berth.Core.AppJson;

/// <summary>
/// What app.json's <c>scripts.dokku</c> asks to run around a deploy, each a shell command run once
/// in a container of the release's image with the release's config.
/// </summary>
/// <param name="Predeploy">
/// Run after the build and before any instance changes; its changes to the filesystem are kept in the
/// release's image. Null when not given.
/// </param>
/// <param name="Postdeploy">
/// Run once after the deployment succeeded; its changes are dropped. Null when not given.
/// </param>
public sealed record AppScripts(string? Predeploy, string? Postdeploy)
{
    /// <summary>No script.</summary>
    public static AppScripts None { get; } = new(null, null);
}
