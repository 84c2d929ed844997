namespace Berth.Agent.Health;

/// <summary>The outcome of one attempt of a startup check.</summary>
internal enum CheckOutcome
{
    /// <summary>The check passed.</summary>
    Passed,

    /// <summary>The attempt failed; the check is tried again while attempts are left.</summary>
    Failed,

    /// <summary>Too early to tell (an uptime not reached yet); the attempt does not count.</summary>
    NotYet,
}
