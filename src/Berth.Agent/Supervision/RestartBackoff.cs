namespace Berth.Agent.Supervision;

/// <summary>
/// How long the agent waits before it starts a crashed instance again. The rule, per container:
/// <list type="number">
/// <item>Every exit the agent acts on, and every start of it that fails, extends the container's
/// crash streak by one; the wait is <see cref="Initial"/> doubled for each earlier crash of the
/// streak (1 s, 2 s, 4 s, ...) and never longer than <see cref="Max"/>.</item>
/// <item>An exit that ends a run of at least <see cref="StableUptime"/> (by Docker's StartedAt
/// and FinishedAt) starts a new streak, so it waits <see cref="Initial"/> again.</item>
/// </list>
/// Pure: no clock, no I/O.
/// </summary>
internal static class RestartBackoff
{
    /// <summary>The wait after the first crash of a streak.</summary>
    public static readonly TimeSpan Initial = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait.</summary>
    public static readonly TimeSpan Max = TimeSpan.FromMinutes(5);

    /// <summary>How long a run must last for its exit to start a new streak.</summary>
    public static readonly TimeSpan StableUptime = TimeSpan.FromSeconds(60);

    /// <summary>A streak length past which the wait no longer grows; keeps the count from overflowing.</summary>
    private const int LongestStreak = 64;

    /// <summary>
    /// The streak after one more crash: 1 when the run that ended lasted at least
    /// <see cref="StableUptime"/>, else <paramref name="streak"/> + 1.
    /// </summary>
    /// <param name="streak">The crashes in a row so far; 0 for none.</param>
    /// <param name="uptime">How long the run that ended lasted; null when it never ran (a failed start).</param>
    public static int NextStreak(int streak, TimeSpan? uptime) =>
        uptime >= StableUptime ? 1 : Math.Clamp(streak, 0, LongestStreak) + 1;

    /// <summary>The wait before the next start after crash number <paramref name="streak"/> of a streak.</summary>
    public static TimeSpan Delay(int streak)
    {
        var doublings = Math.Clamp(streak - 1, 0, 20);
        var delay = Initial * Math.Pow(2, doublings);

        return delay < Max ? delay : Max;
    }
}
