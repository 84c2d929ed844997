namespace Berth.Agent.Health;

/// <summary>Where the startup checks of one container stand.</summary>
internal enum StartupCheckState
{
    /// <summary>Checks are still running (or waiting for their initial delay).</summary>
    Checking,

    /// <summary>Every check passed, or failed only as a warning.</summary>
    Passed,

    /// <summary>A check that is not a warning used up its attempts while the container kept running.</summary>
    Failed,

    /// <summary>
    /// The container exited, restarted or went away before its checks passed: it is a crash, not a failed
    /// check, so it is reported by the usual rules and the restart supervisor looks after it.
    /// </summary>
    Interrupted,
}
