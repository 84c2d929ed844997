namespace Berth.Agent.Health;

/// <summary>What the reports show of one container's startup checks.</summary>
/// <param name="ContainerId">Docker's container id.</param>
/// <param name="StartedAt">The container start the checks are about; null until it is read.</param>
/// <param name="State">Where the checks stand.</param>
/// <param name="Message">The progress, the failure, or the warnings.</param>
/// <param name="LogTail">For a failed run: the last lines of the container's log.</param>
/// <param name="BegunAt">The <see cref="TimeProvider.GetTimestamp"/> when the checks were begun.</param>
internal sealed record StartupCheckStatus(
    string ContainerId,
    DateTimeOffset? StartedAt,
    StartupCheckState State,
    string Message,
    IReadOnlyList<string> LogTail,
    long BegunAt);
