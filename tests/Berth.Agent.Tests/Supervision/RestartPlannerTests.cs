using Berth.Agent.Containers;
using Berth.Agent.Supervision;
using Berth.Agent.Tests.Containers;
using Microsoft.Extensions.Time.Testing;

namespace Berth.Agent.Tests.Supervision;

public sealed class RestartPlannerTests
{
    private static readonly DateTimeOffset Start = new(2025, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);
    private readonly HashSet<string> _assigned = ["shop.worker.1.v3", "shop.worker.2.v3"];
    private Dictionary<string, RestartRecord> _records = new(StringComparer.Ordinal);

    [Fact]
    public void Plan_AssignedContainerExits_IsCrashedAndWaitsOneSecond()
    {
        var plan = Look(Exited(ranFor: TimeSpan.FromSeconds(1)));

        var crash = Assert.Single(plan.Crashed);
        Assert.Equal(Start.AddSeconds(1), crash.Record.NextRestartAt);
        Assert.Equal((3, 1, TimeSpan.FromSeconds(1)), (crash.Record.ExitCode, crash.Record.Streak, crash.Record.Delay));
        Assert.Empty(plan.Due);
    }

    [Fact]
    public void Plan_ContainerWithFailedStartupChecks_IsNeitherCrashedNorRestarted()
    {
        var exited = Exited(ranFor: TimeSpan.FromSeconds(1));

        var held = new HashSet<string> { exited.Id };

        var plan = RestartPlanner.Plan(_records, [exited], _assigned, Start.AddMinutes(5), held);

        Assert.Empty(plan.Crashed);
        Assert.Empty(plan.Due);
    }

    [Fact]
    public void Plan_WaitOver_IsDueAndTheSameExitIsNotCountedTwice()
    {
        var exited = Exited(ranFor: TimeSpan.FromSeconds(1));
        Look(exited);

        _clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Empty(Look(exited).Due);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var plan = Look(exited);

        Assert.Empty(plan.Crashed);
        var due = Assert.Single(plan.Due);
        Assert.Equal(1, due.Record.Streak);
    }

    [Fact]
    public void Plan_CrashLoop_WaitsOneTwoFourEightSecondsAndCountsRestarts()
    {
        var waits = new List<TimeSpan>();

        for (var crash = 0; crash < 4; crash++)
        {
            var record = CrashAndRestart(ranFor: TimeSpan.FromSeconds(1));
            waits.Add(record.Delay);
        }

        Assert.Equal([1, 2, 4, 8], waits.Select(wait => wait.TotalSeconds));
        Assert.Equal(4, Single().Restarts);
    }

    [Fact]
    public void Plan_EndlessCrashLoop_NeverWaitsMoreThanFiveMinutes()
    {
        RestartRecord record = RestartRecord.New("x");

        for (var crash = 0; crash < 12; crash++)
        {
            record = CrashAndRestart(ranFor: TimeSpan.FromSeconds(1));
        }

        Assert.Equal(TimeSpan.FromMinutes(5), record.Delay);
    }

    [Fact]
    public void Plan_ExitAfterAMinuteUp_StartsTheBackoffOver()
    {
        CrashAndRestart(ranFor: TimeSpan.FromSeconds(1));
        CrashAndRestart(ranFor: TimeSpan.FromSeconds(1));
        CrashAndRestart(ranFor: TimeSpan.FromSeconds(1));

        var record = CrashAndRestart(ranFor: TimeSpan.FromSeconds(60));

        Assert.Equal((1, TimeSpan.FromSeconds(1)), (record.Streak, record.Delay));
        Assert.Equal(4, Single().Restarts);
    }

    [Fact]
    public void Plan_ExitedContainerNotInTheSet_IsNeverRestarted()
    {
        var stopped = Exited(index: 3, ranFor: TimeSpan.FromSeconds(1));

        var plan = Look(stopped);
        _clock.Advance(TimeSpan.FromMinutes(10));
        var later = Look(stopped);

        Assert.Empty(plan.Crashed);
        Assert.Empty(later.Due);
        Assert.Equal(RestartRecord.New(stopped.Id), _records[stopped.Id]);
    }

    [Fact]
    public void Plan_BeforeTheFirstAssignmentSet_RestartsNothing()
    {
        var exited = Exited(ranFor: TimeSpan.FromSeconds(1));

        var plan = RestartPlanner.Plan(_records, [exited], assigned: null, _clock.GetUtcNow());

        Assert.Empty(plan.Crashed);
        Assert.Empty(plan.Due);
    }

    [Fact]
    public void Plan_ContainerLeavesTheSetWhileWaiting_IsNotStarted()
    {
        var exited = Exited(ranFor: TimeSpan.FromSeconds(1));
        Look(exited);
        _assigned.Clear();

        _clock.Advance(TimeSpan.FromSeconds(5));
        var plan = Look(exited);

        Assert.Empty(plan.Due);
    }

    [Fact]
    public void Plan_WaitingRecordRecoveredBeforeTheSetArrives_IsStartedOnceTheSetHasIt()
    {
        var exited = Exited(ranFor: TimeSpan.FromSeconds(1));
        _records[exited.Id] = RestartRecord.New(exited.Id) with
        {
            Restarts = 6,
            Streak = 7,
            HandledExit = exited.FinishedAt,
            NextRestartAt = Start.AddSeconds(-1),
        };

        var beforeSet = RestartPlanner.Plan(_records, [exited], assigned: null, _clock.GetUtcNow());
        _records = new Dictionary<string, RestartRecord>(beforeSet.Records, StringComparer.Ordinal);
        var withSet = Look(exited);

        Assert.Empty(beforeSet.Due);
        Assert.Empty(withSet.Crashed);
        Assert.Equal(6, Assert.Single(withSet.Due).Record.Restarts);
    }

    [Fact]
    public void Plan_WaitingContainerRunningAgain_StopsWaiting()
    {
        Look(Exited(ranFor: TimeSpan.FromSeconds(1)));

        Look(Running());

        Assert.False(Single().IsWaiting);
    }

    [Fact]
    public void Plan_CrashLoopOfOneInstance_LeavesAnotherAlone()
    {
        var healthy = Running(index: 2);
        for (var crash = 0; crash < 5; crash++)
        {
            CrashAndRestart(ranFor: TimeSpan.FromSeconds(1), others: [healthy]);
        }

        var other = _records[healthy.Id];
        Assert.Equal(RestartRecord.New(healthy.Id), other);
    }

    [Fact]
    public void Plan_TwoCrashedInstances_KeepTheirOwnSchedules()
    {
        CrashAndRestart(ranFor: TimeSpan.FromSeconds(1));
        CrashAndRestart(ranFor: TimeSpan.FromSeconds(1));
        var first = Exited(ranFor: TimeSpan.FromSeconds(1));
        var second = Exited(index: 2, ranFor: TimeSpan.FromSeconds(1));

        var plan = Look(first, second);

        Assert.Equal(
            [TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(1)],
            plan.Crashed.Select(crash => crash.Record.Delay));
    }

    [Fact]
    public void StartFailed_FailedStart_WaitsLongerAndKeepsTheError()
    {
        var exited = Exited(ranFor: TimeSpan.FromSeconds(1));
        Look(exited);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var due = Assert.Single(Look(exited).Due);

        var failed = RestartPlanner.StartFailed(due.Record, "no such image", _clock.GetUtcNow());
        _records[exited.Id] = failed;
        var plan = Look(exited);

        Assert.Equal((2, "no such image"), (failed.Streak, failed.StartError));
        Assert.Equal(_clock.GetUtcNow().AddSeconds(2), failed.NextRestartAt);
        Assert.Empty(plan.Due);
        Assert.Empty(plan.Crashed);
    }

    [Fact]
    public void Started_AfterTheWait_CountsARestartAndStopsWaiting()
    {
        var record = RestartRecord.New("id") with { Restarts = 2, NextRestartAt = Start, StartError = "x" };

        var started = RestartPlanner.Started(record, Start);

        Assert.Equal(
            (3, false, "", (DateTimeOffset?)Start),
            (started.Restarts, started.IsWaiting, started.StartError, started.RestartedAt));
    }

    [Fact]
    public void Plan_ExitStillListedAfterTheRestart_DoesNotStartItTwice()
    {
        var exited = Exited(ranFor: TimeSpan.FromSeconds(1));
        Look(exited);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Look(exited);
        _records[exited.Id] = RestartPlanner.Started(_records[exited.Id], _clock.GetUtcNow());

        var plan = Look(exited);

        Assert.Empty(plan.Due);
        Assert.Empty(plan.Crashed);
    }

    [Fact]
    public void Plan_RestartThatNeverShowsInTheList_IsPlannedAgain()
    {
        var exited = Exited(ranFor: TimeSpan.FromSeconds(1));
        Look(exited);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Look(exited);
        _records[exited.Id] = RestartPlanner.Started(_records[exited.Id], _clock.GetUtcNow());

        _clock.Advance(RestartPlanner.StaleListing);
        var plan = Look(exited);

        var crash = Assert.Single(plan.Crashed);
        Assert.Equal((2, true), (crash.Record.Streak, crash.Record.IsWaiting));
    }

    [Fact]
    public void Plan_HandledExitNeitherWaitingNorRestarted_IsPlannedAgain()
    {
        var exited = Exited(ranFor: TimeSpan.FromSeconds(1));
        _records[exited.Id] = RestartRecord.New(exited.Id) with { Streak = 3, HandledExit = exited.FinishedAt };

        var crash = Assert.Single(Look(exited).Crashed);

        Assert.Equal((4, TimeSpan.FromSeconds(8)), (crash.Record.Streak, crash.Record.Delay));
    }

    [Fact]
    public void Plan_ContainersGoneOrUnmanaged_HaveNoRecords()
    {
        Look(Exited(ranFor: TimeSpan.FromSeconds(1)));

        Look(Fixtures.Unmanaged("shop.worker.1.v3"));

        Assert.Empty(_records);
    }

    [Fact]
    public void Plan_RecordRecoveredFromAnEarlierAgent_ContinuesItsStreak()
    {
        var exited = Exited(ranFor: TimeSpan.FromSeconds(1));
        _records[exited.Id] = RestartRecord.New(exited.Id) with { Restarts = 5, Streak = 5 };

        var crash = Assert.Single(Look(exited).Crashed);

        Assert.Equal(
            (6, TimeSpan.FromSeconds(32), 5),
            (crash.Record.Streak, crash.Record.Delay, crash.Record.Restarts));
    }

    [Fact]
    public void Plan_ExitLongerAgoThanTheWait_IsDueAtOnce()
    {
        var exited = Exited(ranFor: TimeSpan.FromSeconds(1)) with { FinishedAt = Start.AddSeconds(-10) };

        var plan = Look(exited);

        Assert.Single(plan.Crashed);
        Assert.Equal(Start.AddSeconds(-9), Assert.Single(plan.Due).Record.NextRestartAt);
    }

    [Fact]
    public void Plan_ExitTimeAheadOfTheClock_WaitsFromNow()
    {
        var exited = Exited(ranFor: TimeSpan.FromSeconds(1)) with { FinishedAt = Start.AddSeconds(30) };

        var crash = Assert.Single(Look(exited).Crashed);

        Assert.Equal(Start.AddSeconds(1), crash.Record.NextRestartAt);
    }

    [Fact]
    public void Plan_SameExitPlannedLater_GivesTheSameNextRestart()
    {
        var exited = Exited(ranFor: TimeSpan.FromSeconds(1));
        var first = RestartPlanner.Plan(_records, [exited], _assigned, _clock.GetUtcNow());

        _clock.Advance(TimeSpan.FromMilliseconds(700));
        var second = RestartPlanner.Plan(_records, [exited], _assigned, _clock.GetUtcNow());

        Assert.Equal(first.Records[exited.Id], second.Records[exited.Id]);
    }

    [Fact]
    public void NextLook_RestartDueBeforeThePoll_WaitsOnlyUntilThen()
    {
        var records = new Dictionary<string, RestartRecord>
        {
            ["a"] = RestartRecord.New("a") with { NextRestartAt = Start.AddMilliseconds(300) },
            ["b"] = RestartRecord.New("b") with { NextRestartAt = Start.AddSeconds(30) },
            ["c"] = RestartRecord.New("c"),
        };

        Assert.Equal(TimeSpan.FromMilliseconds(300), RestartPlanner.NextLook(records, Start, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void NextLook_NothingDueSoon_WaitsThePollInterval()
    {
        var records = new Dictionary<string, RestartRecord>
        {
            ["b"] = RestartRecord.New("b") with { NextRestartAt = Start.AddSeconds(30) },
        };

        Assert.Equal(TimeSpan.FromSeconds(1), RestartPlanner.NextLook(records, Start, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void NextLook_OnlyOverdueRestarts_WaitsThePollInterval()
    {
        var records = new Dictionary<string, RestartRecord>
        {
            ["a"] = RestartRecord.New("a") with { NextRestartAt = Start.AddSeconds(-2) },
            ["b"] = RestartRecord.New("b") with { NextRestartAt = Start },
        };

        Assert.Equal(TimeSpan.FromSeconds(1), RestartPlanner.NextLook(records, Start, TimeSpan.FromSeconds(1)));
    }

    /// <summary>The container exits after <paramref name="ranFor"/>, waits its backoff and is started again.</summary>
    private RestartRecord CrashAndRestart(TimeSpan ranFor, IReadOnlyList<ObservedContainer>? others = null)
    {
        var exited = Exited(ranFor: ranFor);
        var crash = Assert.Single(Look([exited, .. others ?? []]).Crashed);

        _clock.Advance(crash.Record.Delay);
        var due = Assert.Single(Look([exited, .. others ?? []]).Due);
        _records[exited.Id] = RestartPlanner.Started(due.Record, _clock.GetUtcNow());

        _clock.Advance(ranFor);
        Look([Running(), .. others ?? []]);
        return crash.Record;
    }

    private RestartPlan Look(params ObservedContainer[] containers)
    {
        var plan = RestartPlanner.Plan(_records, containers, _assigned, _clock.GetUtcNow());
        _records = new Dictionary<string, RestartRecord>(plan.Records, StringComparer.Ordinal);
        return plan;
    }

    private RestartRecord Single() => Assert.Single(_records.Values);

    /// <summary>The worker's container, exited now after a run of <paramref name="ranFor"/>.</summary>
    private ObservedContainer Exited(TimeSpan ranFor, int index = 1) => Fixtures.Managed(
        process: "worker",
        index: index,
        state: DockerStates.Exited,
        exitCode: 3,
        startedAt: _clock.GetUtcNow() - ranFor,
        finishedAt: _clock.GetUtcNow());

    private ObservedContainer Running(int index = 1) =>
        Fixtures.Managed(process: "worker", index: index, startedAt: _clock.GetUtcNow());
}
