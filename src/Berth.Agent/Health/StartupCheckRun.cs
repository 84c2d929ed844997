using Berth.Contracts;
using Berth.Core.Health;

namespace Berth.Agent.Health;

/// <summary>
/// The progress of one container's startup checks, as immutable data: which check runs, how many
/// of its attempts failed, when the next is due, and how the run ended. Pure: every change takes
/// the current time as a parameter, and the I/O happens in <see cref="StartupCheckDriver"/>.
/// Checks run in order; each waits until its initial delay after the container's start, then is
/// tried up to its attempts, with its wait after each failed attempt.
/// </summary>
internal sealed record StartupCheckRun
{
    /// <summary>The checks, in the order they run.</summary>
    public required IReadOnlyList<HealthCheck> Checks { get; init; }

    /// <summary>When the container started; the checks are about this start only.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Where the run stands.</summary>
    public StartupCheckState State { get; init; }

    /// <summary>The position of the check that runs now.</summary>
    public int Index { get; init; }

    /// <summary>How many attempts of the current check failed.</summary>
    public int FailedAttempts { get; init; }

    /// <summary>Why the last attempt failed, or what it waits for; empty before the first.</summary>
    public string LastReason { get; init; } = "";

    /// <summary>When the next attempt is due.</summary>
    public DateTimeOffset NextAt { get; init; }

    /// <summary>For a failed run: why, in one sentence.</summary>
    public string FailureReason { get; init; } = "";

    /// <summary>The failures of warning-only checks, one sentence each.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The check that runs now; null when the run ended.</summary>
    public HealthCheck? Current => State == StartupCheckState.Checking ? Checks[Index] : null;

    /// <summary>
    /// What the instance's status says: the progress ("check 'web' attempt 2/5: ..."), the
    /// failure, or the warnings of a run that passed (empty when there are none).
    /// </summary>
    public string Message => State switch
    {
        StartupCheckState.Failed or StartupCheckState.Interrupted => FailureReason,
        StartupCheckState.Passed => string.Join("; ", Warnings),
        _ => string.Join("; ", [Progress(Checks[Index]), .. Warnings]),
    };

    /// <summary>
    /// A run of <paramref name="specs"/> for a container that started at <paramref name="startedAt"/>
    /// and listens on <paramref name="instancePort"/> (0: none); already failed, with the reason,
    /// when a spec cannot run.
    /// </summary>
    public static StartupCheckRun Begin(
        IReadOnlyList<HealthCheckSpec> specs,
        DateTimeOffset startedAt,
        int instancePort)
    {
        var (checks, error) = HealthCheckSpecReader.Read(specs, instancePort);

        return error is null
            ? Begin(checks, startedAt)
            : new StartupCheckRun
            {
                Checks = [],
                StartedAt = startedAt,
                State = StartupCheckState.Failed,
                FailureReason = error,
            };
    }

    /// <summary>A run of <paramref name="checks"/> for a container started at <paramref name="startedAt"/>.</summary>
    public static StartupCheckRun Begin(IReadOnlyList<HealthCheck> checks, DateTimeOffset startedAt) =>
        new StartupCheckRun { Checks = checks, StartedAt = startedAt }.Enter(0, startedAt);

    /// <summary>What to do at <paramref name="now"/>: wait, make an attempt, or nothing more.</summary>
    public StartupCheckStep Next(DateTimeOffset now) => this switch
    {
        { State: not StartupCheckState.Checking } => new StartupCheckStep.Finished(),
        _ when now < NextAt => new StartupCheckStep.Wait(NextAt),
        _ => new StartupCheckStep.Attempt(Checks[Index], FailedAttempts + 1),
    };

    /// <summary>The run after an attempt of the current check found <paramref name="result"/>.</summary>
    public StartupCheckRun Record(CheckResult result, DateTimeOffset now)
    {
        if (State != StartupCheckState.Checking)
        {
            return this;
        }

        return result.Outcome switch
        {
            CheckOutcome.Passed => Enter(Index + 1, now),
            CheckOutcome.NotYet => this with { LastReason = result.Reason, NextAt = result.RetryAt ?? now },
            _ => AfterFailure(Checks[Index], result.Reason, now),
        };
    }

    /// <summary>
    /// The run ended at once, whatever attempts are left, because the container cannot pass any
    /// more (it exited, restarted or is gone): <paramref name="reason"/> says which.
    /// </summary>
    public StartupCheckRun Stop(string reason) => State != StartupCheckState.Checking
        ? this
        : this with
        {
            State = StartupCheckState.Interrupted,
            LastReason = reason,
            FailureReason = $"startup check '{Checks[Index].Name}' did not finish: {reason}",
        };

    private StartupCheckRun Enter(int index, DateTimeOffset now)
    {
        if (index >= Checks.Count)
        {
            return this with { State = StartupCheckState.Passed, Index = index, FailedAttempts = 0, LastReason = "" };
        }

        var due = StartedAt + Checks[index].InitialDelay;
        return this with { Index = index, FailedAttempts = 0, LastReason = "", NextAt = due > now ? due : now };
    }

    private StartupCheckRun AfterFailure(HealthCheck check, string reason, DateTimeOffset now)
    {
        var failed = FailedAttempts + 1;
        if (failed < check.Attempts)
        {
            return this with { FailedAttempts = failed, LastReason = reason, NextAt = now + check.Wait };
        }

        var failure = $"startup check '{check.Name}' failed after {Count(failed)}: {reason}";
        if (check.Warn)
        {
            return (this with { Warnings = [.. Warnings, $"{failure} (a warning only)"] }).Enter(Index + 1, now);
        }

        return this with
        {
            State = StartupCheckState.Failed,
            FailedAttempts = failed,
            LastReason = reason,
            FailureReason = failure,
        };
    }

    private string Progress(HealthCheck check)
    {
        var attempt = $"check '{check.Name}' attempt {Math.Min(FailedAttempts + 1, check.Attempts)}/{check.Attempts}";
        return LastReason.Length > 0 ? $"{attempt}: {LastReason}" : attempt;
    }

    private static string Count(int attempts) => attempts == 1 ? "1 attempt" : $"{attempts} attempts";
}
