namespace Berth.ControlPlane.Store;

/// <summary>An immutable release: an image and the config it runs with.</summary>
/// <param name="App">The app.</param>
/// <param name="Number">v1, v2, ... per app.</param>
/// <param name="Image">The registry reference nodes pull.</param>
/// <param name="Digest">The image's repository digest.</param>
/// <param name="Config">The config vars this release runs with.</param>
/// <param name="GitRevision">The commit it was built from; empty when not built from git.</param>
/// <param name="Description">What made it, e.g. "deploy 1a2b3c4" or "config set FOO".</param>
/// <param name="State">pending, deployed, failed.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="Processes">Process type to Procfile command; empty when the image's own command is web.</param>
/// <param name="Sources">The app.json and CHECKS texts it was deployed with.</param>
/// <param name="CreatedBy">Who asked for it, as their CLI declared it (user@host); empty when unknown.</param>
public sealed record ReleaseRecord(
    string App,
    int Number,
    string Image,
    string Digest,
    ConfigSnapshot Config,
    string GitRevision,
    string Description,
    string State,
    DateTimeOffset CreatedAt,
    IReadOnlyDictionary<string, string> Processes,
    ReleaseSources Sources,
    string CreatedBy);
