using Berth.Core.Placement;
using static Berth.Core.Tests.Placement.Fixtures;

namespace Berth.Core.Tests.Placement;

public sealed class RollingReplacementTests
{
    private static readonly PlacedInstance OldWeb1 = Instance("app", "web", 1, "n1", release: 1);
    private static readonly PlacedInstance NewWeb1 = Instance("app", "web", 1, "n2", release: 2);

    [Fact]
    public void Retained_ReplacementNotRunning_RetainsTheOldInstance()
    {
        var plan = new PlacementPlan([], [NewWeb1], [OldWeb1], []);

        var retained = RollingReplacement.Retained(plan, _ => false);

        Assert.Equal([OldWeb1], retained);
    }

    [Fact]
    public void Retained_ReplacementRunning_ReleasesTheOldInstance()
    {
        var plan = new PlacementPlan([], [NewWeb1], [OldWeb1], []);

        var retained = RollingReplacement.Retained(plan, instance => instance == NewWeb1);

        Assert.Empty(retained);
    }

    [Fact]
    public void Retained_KeptReplacementNotRunning_RetainsTheOldInstance()
    {
        var plan = new PlacementPlan([NewWeb1], [], [OldWeb1], []);

        Assert.Equal([OldWeb1], RollingReplacement.Retained(plan, _ => false));
    }

    [Fact]
    public void Retained_ScaledDownInstance_IsNotRetained()
    {
        var old3 = Instance("app", "web", 3, "n1", release: 1);
        var plan = new PlacementPlan([], [NewWeb1], [OldWeb1, old3], []);

        var retained = RollingReplacement.Retained(plan, _ => false);

        Assert.Equal([OldWeb1], retained);
    }

    [Fact]
    public void Retained_InstanceOfAnotherAppOrType_IsNoReplacement()
    {
        var otherApp = Instance("other", "web", 1, "n1", release: 1);
        var otherType = Instance("app", "worker", 1, "n1", release: 1);
        var plan = new PlacementPlan([], [NewWeb1], [otherApp, otherType], []);

        Assert.Empty(RollingReplacement.Retained(plan, _ => false));
    }

    [Fact]
    public void Retained_EachOldInstance_WaitsOnlyForItsOwnReplacement()
    {
        var old2 = Instance("app", "web", 2, "n1", release: 1);
        var new2 = Instance("app", "web", 2, "n2", release: 2);
        var plan = new PlacementPlan([], [NewWeb1, new2], [OldWeb1, old2], []);

        var retained = RollingReplacement.Retained(plan, instance => instance == NewWeb1);

        Assert.Equal([old2], retained);
    }

    [Fact]
    public void Retained_PlanFromPlanner_RetainsUntilEachNewInstanceRuns()
    {
        var plan = PlacementPlanner.Plan(
            [Demand("app", "web", 2, release: 2)],
            [Node("n1"), Node("n2")],
            [Instance("app", "web", 1, "n1"), Instance("app", "web", 2, "n2"), Instance("app", "web", 3, "n1")]);
        var running = new HashSet<PlacedInstance>();

        Assert.Equal([1, 2], RollingReplacement.Retained(plan, running.Contains).Select(i => i.Index));

        running.Add(plan.Place[0]);
        Assert.Equal([2], RollingReplacement.Retained(plan, running.Contains).Select(i => i.Index));

        running.Add(plan.Place[1]);
        Assert.Empty(RollingReplacement.Retained(plan, running.Contains));
    }

    [Fact]
    public void Retained_NothingToStop_ReturnsEmpty()
    {
        var plan = new PlacementPlan([NewWeb1], [], [], []);

        Assert.Empty(RollingReplacement.Retained(plan, _ => false));
    }
}
