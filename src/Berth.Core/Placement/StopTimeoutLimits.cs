namespace Berth.Core.Placement;

/// <summary>
/// How long an instance has between SIGTERM and SIGKILL when it stops (<c>ps:set TYPE stop-timeout=N</c>),
/// in whole seconds.
/// </summary>
public static class StopTimeoutLimits
{
    /// <summary>The time an instance gets when nobody set one, Docker's and Dokku's usual 30 s.</summary>
    public const int DefaultSeconds = 30;

    /// <summary>The shortest stop timeout.</summary>
    public const int MinSeconds = 1;

    /// <summary>
    /// The longest stop timeout: an hour, ample for a worker to finish its job, and short enough that a
    /// rollout or a node drain does not stall for days behind a process that ignores SIGTERM.
    /// </summary>
    public const int MaxSeconds = 3600;

    /// <summary>True when <paramref name="seconds"/> is within the limits.</summary>
    public static bool IsValid(int seconds) => seconds is >= MinSeconds and <= MaxSeconds;
}
