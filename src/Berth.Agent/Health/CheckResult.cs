namespace Berth.Agent.Health;

/// <summary>What one attempt of a startup check found.</summary>
/// <param name="Outcome">Passed, failed, or not yet decidable.</param>
/// <param name="Reason">Why it failed, or what it waits for; empty when it passed.</param>
/// <param name="RetryAt">For <see cref="CheckOutcome.NotYet"/>: when to look again.</param>
internal sealed record CheckResult(CheckOutcome Outcome, string Reason, DateTimeOffset? RetryAt = null)
{
    /// <summary>The attempt passed.</summary>
    public static CheckResult Passed { get; } = new(CheckOutcome.Passed, "");

    /// <summary>The attempt failed for <paramref name="reason"/>; another may follow.</summary>
    public static CheckResult Failed(string reason) => new(CheckOutcome.Failed, reason);

    /// <summary>Nothing can be decided before <paramref name="retryAt"/>; not counted as an attempt.</summary>
    public static CheckResult NotYet(string reason, DateTimeOffset retryAt) =>
        new(CheckOutcome.NotYet, reason, retryAt);
}
