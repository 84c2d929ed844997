using Berth.Core.Placement;
using static Berth.Core.Tests.Placement.Fixtures;

namespace Berth.Core.Tests.Placement;

/// <summary>
/// Known bug in RollingReplacement.Retained: a replacement must be of another release, so an
/// instance moved to another node within the same release (its node lost a label the formation
/// now asks for) is stopped before its replacement runs, against the zero-downtime invariant.
/// These tests fail until a replacement on another node also counts.
/// </summary>
public sealed class RollingReplacementMoveBugTests
{
    [Fact]
    public void Retained_SameReleaseMovedToAnotherNode_RetainedUntilReplacementRuns()
    {
        var misplaced = Instance("app", "web", 1, "us-node");
        var plan = PlacementPlanner.Plan(
            [Demand("app", "web", 1, constraints: ("zone", "eu"))],
            [Node("eu-node", labels: ("zone", "eu")), Node("us-node", labels: ("zone", "us"))],
            [misplaced]);

        var retained = RollingReplacement.Retained(plan, _ => false);

        Assert.Equal([misplaced], retained);
    }
}
