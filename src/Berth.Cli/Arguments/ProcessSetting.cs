namespace Berth.Cli.Arguments;

/// <summary>One setting <c>ps:set</c> changes on a process type; the others stay as they are.</summary>
/// <param name="MemoryMb">The memory reservation in MiB (0 removes it), or null to leave it.</param>
/// <param name="Constraints">The node labels to require (empty clears them), or null to leave them.</param>
/// <param name="MaxParallel">Instances replaced at a time in a rolling deployment, or null to leave it.</param>
/// <param name="StopTimeoutSeconds">Seconds between SIGTERM and SIGKILL when an instance stops, or null.</param>
internal sealed record ProcessSetting(
    long? MemoryMb = null,
    IReadOnlyDictionary<string, string>? Constraints = null,
    int? MaxParallel = null,
    int? StopTimeoutSeconds = null);
