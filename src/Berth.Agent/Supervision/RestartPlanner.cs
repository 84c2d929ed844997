using Berth.Agent.Containers;

namespace Berth.Agent.Supervision;

// Limitation: after an agent restart, crashed instances are restarted only once the control plane has sent
// the node's assignment set; until then they are reported as exited (as crashed when --state-dir kept them).
/// <summary>
/// Decides which crashed containers the agent starts again, and when. Pure: the clock is a
/// parameter. Only containers of the node's assignment set are restarted: Berth stops a
/// container only to remove it after its instance left the set, so an assigned container that
/// exited crashed. Before the first assignment set the agent restarts nothing.
/// </summary>
internal static class RestartPlanner
{
    /// <summary>
    /// How long after a restart Docker's list may still show the exit it answered. Past it, an
    /// exit that is still listed is planned again, so no record can keep an instance down.
    /// </summary>
    public static readonly TimeSpan StaleListing = TimeSpan.FromSeconds(5);

    /// <summary>Updates the records from Docker's list and picks the containers to start now.</summary>
    /// <param name="records">The records so far, by container id.</param>
    /// <param name="containers">The node's containers as Docker lists them, with their details.</param>
    /// <param name="assigned">The container names of the current assignment set; null before the first.</param>
    /// <param name="now">The current time.</param>
    /// <param name="held">
    /// Ids of containers the agent must not restart although assigned: their startup checks
    /// failed, and the control plane removes them. Their exits are not taken for crashes.
    /// </param>
    public static RestartPlan Plan(
        IReadOnlyDictionary<string, RestartRecord> records,
        IReadOnlyList<ObservedContainer> containers,
        IReadOnlySet<string>? assigned,
        DateTimeOffset now,
        IReadOnlySet<string>? held = null)
    {
        var next = new Dictionary<string, RestartRecord>(StringComparer.Ordinal);
        var crashed = new List<PlannedRestart>();
        var due = new List<PlannedRestart>();

        foreach (var container in containers.Where(container => container.IsManaged))
        {
            var previous = records.GetValueOrDefault(container.Id) ?? RestartRecord.New(container.Id);
            var isAssigned = assigned?.Contains(container.Name) == true && held?.Contains(container.Id) != true;
            var (record, isNewCrash) = Observe(previous, container, isAssigned, now);
            next[container.Id] = record;

            if (isNewCrash)
            {
                crashed.Add(new PlannedRestart(container, record));
            }

            if (isAssigned && container.HasExited && record.NextRestartAt <= now)
            {
                due.Add(new PlannedRestart(container, record));
            }
        }

        return new RestartPlan(next, crashed, due);
    }

    /// <summary>The record after a successful start at <paramref name="now"/>: one more restart, not waiting.</summary>
    public static RestartRecord Started(RestartRecord record, DateTimeOffset now) => record with
    {
        Restarts = record.Restarts == int.MaxValue ? int.MaxValue : record.Restarts + 1,
        NextRestartAt = null,
        StartError = "",
        RestartedAt = now,
    };

    /// <summary>The record after a failed start: the streak grows and the next try waits longer.</summary>
    public static RestartRecord StartFailed(RestartRecord record, string error, DateTimeOffset now)
    {
        var streak = RestartBackoff.NextStreak(record.Streak, uptime: null);
        var delay = RestartBackoff.Delay(streak);

        return record with { Streak = streak, Delay = delay, NextRestartAt = now + delay, StartError = error };
    }

    /// <summary>
    /// How long to wait before the next look: <paramref name="pollInterval"/>, or less when a
    /// waiting container falls due sooner, so that restarts happen on time. Restarts already
    /// due were dealt with by the look just made (started, or not in the set), so they do not
    /// shorten the wait.
    /// </summary>
    public static TimeSpan NextLook(
        IReadOnlyDictionary<string, RestartRecord> records,
        DateTimeOffset now,
        TimeSpan pollInterval)
    {
        var soonest = records.Values
            .Select(record => record.NextRestartAt)
            .OfType<DateTimeOffset>()
            .Where(next => next > now)
            .Select(next => next - now)
            .DefaultIfEmpty(pollInterval)
            .Min();

        return soonest < pollInterval ? soonest : pollInterval;
    }

    /// <summary>How long the run that ended lasted; null when Docker's times are missing.</summary>
    public static TimeSpan? Uptime(ObservedContainer container) =>
        container is { StartedAt: { } started, FinishedAt: { } finished } && finished >= started
            ? finished - started
            : null;

    /// <summary>The container's record after this look, and whether it crashed since the last one.</summary>
    private static (RestartRecord Record, bool IsNewCrash) Observe(
        RestartRecord record,
        ObservedContainer container,
        bool isAssigned,
        DateTimeOffset now)
    {
        if (!container.HasExited)
        {
            return (record.IsWaiting ? record with { NextRestartAt = null } : record, false);
        }

        // Outside the set (Berth stopped it, or no set has arrived since the agent started) no
        // new exit is taken on, and a waiting restart keeps its time for when the set has it again.
        if (!isAssigned)
        {
            return (record, false);
        }

        // Docker's FinishedAt tells one exit from the next; an exit seen before keeps its schedule,
        // or was just answered by a restart that the list does not show yet.
        var exit = container.FinishedAt ?? DateTimeOffset.MinValue;
        if (record.HandledExit == exit && (record.IsWaiting || now - record.RestartedAt < StaleListing))
        {
            return (record, false);
        }

        return (Crashed(record, container, exit, now), true);
    }

    private static RestartRecord Crashed(
        RestartRecord record,
        ObservedContainer container,
        DateTimeOffset exit,
        DateTimeOffset now)
    {
        var streak = RestartBackoff.NextStreak(record.Streak, Uptime(container));
        var delay = RestartBackoff.Delay(streak);

        // The wait counts from the exit, so whoever plans (the supervisor or a report) gets the
        // same time; an exit time ahead of the clock counts from now.
        var exitedAt = container.FinishedAt is { } finished && finished < now ? finished : now;

        return record with
        {
            Streak = streak,
            HandledExit = exit,
            ExitCode = container.ExitCode ?? 0,
            OutOfMemory = container.OutOfMemory,
            Delay = delay,
            NextRestartAt = exitedAt + delay,
            StartError = "",
        };
    }
}
