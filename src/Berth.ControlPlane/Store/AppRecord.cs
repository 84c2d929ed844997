namespace Berth.ControlPlane.Store;

/// <summary>An app as the store keeps it.</summary>
/// <param name="Name">The app's name.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="CurrentRelease">The release that should run; 0 before the first deployment.</param>
/// <param name="Stopped">True after ps:stop: nothing runs, the formation is kept.</param>
public sealed record AppRecord(string Name, DateTimeOffset CreatedAt, int CurrentRelease, bool Stopped = false);
