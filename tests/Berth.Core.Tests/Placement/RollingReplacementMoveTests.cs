using Berth.Core.Placement;
using static Berth.Core.Tests.Placement.Fixtures;

namespace Berth.Core.Tests.Placement;

/// <summary>
/// An instance moved to another node within the same release (its node lost a label the
/// formation asks for) keeps running until its replacement runs.
/// </summary>
public sealed class RollingReplacementMoveTests
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
