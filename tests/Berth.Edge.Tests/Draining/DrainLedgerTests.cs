using Berth.Edge.Draining;
using Microsoft.Extensions.Time.Testing;

namespace Berth.Edge.Tests.Draining;

public sealed class DrainLedgerTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(25);
    private static readonly BackendKey One = new("shop.web.1", "http://127.0.0.1:3001");
    private static readonly BackendKey Two = new("shop.web.2", "http://127.0.0.1:3002");
    private static readonly BackendKey Three = new("shop.web.3", "http://127.0.0.1:3003");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly Dictionary<BackendKey, int> _inFlight = [];
    private readonly DrainLedger _ledger = new(Limit);

    [Fact]
    public void Decide_NoTableLive_IsIdle()
    {
        Assert.IsType<DrainDecision.Idle>(Decide());
    }

    [Fact]
    public void Decide_TableRemovesNothing_AcknowledgesAtOnceAndOnlyOnce()
    {
        Live(1, One, Two);

        var decision = Assert.IsType<DrainDecision.Acknowledge>(Decide());

        Assert.Equal(1, decision.Version);
        Assert.Empty(decision.Drained);
        Assert.IsType<DrainDecision.Idle>(Decide());
    }

    [Fact]
    public void Decide_RemovedBackendIdle_AcknowledgesAtOnce()
    {
        Live(1, One, Two);
        Decide();

        var removed = Live(2, Two);

        Assert.Equal([One], removed);
        var decision = Assert.IsType<DrainDecision.Acknowledge>(Decide());
        Assert.Equal(new DrainOutcome(One, 0, 0, TimeSpan.Zero), Assert.Single(decision.Drained));
    }

    [Fact]
    public void Decide_RemovedBackendBusy_WaitsUntilItsRequestsFinish()
    {
        Live(1, One, Two);
        Decide();
        _inFlight[One] = 2;
        _inFlight[Two] = 5;
        Live(2, Two);

        _time.Advance(TimeSpan.FromSeconds(3));
        var wait = Assert.IsType<DrainDecision.Wait>(Decide());
        Assert.Equal(new DrainDecision.Wait(2, 2, TimeSpan.FromSeconds(22)), wait);

        _inFlight[One] = 1;
        Assert.IsType<DrainDecision.Wait>(Decide());

        _inFlight[One] = 0;
        _time.Advance(TimeSpan.FromSeconds(1));
        var ack = Assert.IsType<DrainDecision.Acknowledge>(Decide());
        Assert.Equal(2, ack.Version);
        Assert.Equal(new DrainOutcome(One, 2, 0, TimeSpan.FromSeconds(4)), Assert.Single(ack.Drained));
    }

    [Fact]
    public void Decide_RequestsOutliveTheLimit_AcknowledgesAtTheLimitAndSaysSo()
    {
        Live(1, One, Two);
        Decide();
        _inFlight[One] = 1;
        Live(2, Two);

        _time.Advance(Limit - TimeSpan.FromMilliseconds(1));
        Assert.IsType<DrainDecision.Wait>(Decide());

        _time.Advance(TimeSpan.FromMilliseconds(1));
        var ack = Assert.IsType<DrainDecision.Acknowledge>(Decide());
        var outcome = Assert.Single(ack.Drained);
        Assert.True(outcome.TimedOut);
        Assert.Equal(1, outcome.StillInFlight);
        Assert.Equal(Limit, outcome.Waited);
    }

    [Fact]
    public void Decide_NewerTableWhileWaiting_AcknowledgesOnlyTheNewerAfterBothDrains()
    {
        Live(1, One, Two, Three);
        Decide();
        _inFlight[One] = 1;
        _inFlight[Two] = 1;
        Live(2, Two, Three);
        _time.Advance(TimeSpan.FromSeconds(10));

        Live(3, Three);

        Assert.Equal(3, Assert.IsType<DrainDecision.Wait>(Decide()).Version);
        _inFlight[One] = 0;
        Assert.Equal(1, Assert.IsType<DrainDecision.Wait>(Decide()).InFlight);
        _inFlight[Two] = 0;
        var ack = Assert.IsType<DrainDecision.Acknowledge>(Decide());
        Assert.Equal(3, ack.Version);
        Assert.Equal([One, Two], ack.Drained.Select(outcome => outcome.Backend));
        Assert.IsType<DrainDecision.Idle>(Decide());
    }

    [Fact]
    public void Decide_EachBackendHasItsOwnLimit_FromWhenItWasRemoved()
    {
        Live(1, One, Two);
        Decide();
        _inFlight[One] = 1;
        _inFlight[Two] = 1;
        Live(2, Two);
        _time.Advance(TimeSpan.FromSeconds(20));
        Live(3);

        _time.Advance(TimeSpan.FromSeconds(5));
        var wait = Assert.IsType<DrainDecision.Wait>(Decide());

        Assert.Equal(1, wait.InFlight);
        Assert.Equal(TimeSpan.FromSeconds(20), wait.Remaining);
    }

    [Fact]
    public void Decide_RemovedBackendComesBack_NoLongerWaitsForIt()
    {
        Live(1, One, Two);
        Decide();
        _inFlight[One] = 3;
        Live(2, Two);
        Assert.IsType<DrainDecision.Wait>(Decide());

        var removed = Live(3, One, Two);

        Assert.Empty(removed);
        var ack = Assert.IsType<DrainDecision.Acknowledge>(Decide());
        Assert.Equal(3, ack.Version);
        Assert.Empty(ack.Drained);
    }

    [Fact]
    public void Decide_InstanceMovedToAnotherUrl_DrainsTheOldUrl()
    {
        var moved = One with { Url = "http://127.0.0.1:4001" };
        Live(1, One);
        Decide();
        _inFlight[One] = 1;

        var removed = Live(2, moved);

        Assert.Equal([One], removed);
        Assert.IsType<DrainDecision.Wait>(Decide());
    }

    [Fact]
    public void ForgetPending_NewStream_KeepsDrainingForTheNextTable()
    {
        Live(1, One, Two);
        Decide();
        _inFlight[One] = 1;
        Live(2, Two);

        _ledger.ForgetPending();

        Assert.IsType<DrainDecision.Idle>(Decide());
        Assert.Equal([One], _ledger.DrainingBackends);
        Live(1, Two);
        Assert.Equal(1, Assert.IsType<DrainDecision.Wait>(Decide()).Version);
        _inFlight[One] = 0;
        Assert.Equal(1, Assert.IsType<DrainDecision.Acknowledge>(Decide()).Version);
    }

    [Fact]
    public void Constructor_NegativeLimit_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DrainLedger(TimeSpan.FromSeconds(-1)));
    }

    private IReadOnlyList<BackendKey> Live(long version, params BackendKey[] backends) =>
        _ledger.TableLive(version, backends.ToHashSet(), Count, _time.GetUtcNow());

    private DrainDecision Decide() => _ledger.Decide(Count, _time.GetUtcNow());

    private int Count(BackendKey backend) => _inFlight.GetValueOrDefault(backend);
}
