namespace Berth.Core.Placement;

/// <summary>
/// The rule that keeps an app serving while instances are replaced: an instance that a new
/// release replaces, or that moves to another node, keeps running until the instance that
/// takes its place is running.
/// </summary>
public static class RollingReplacement
{
    /// <summary>
    /// The instances of <see cref="PlacementPlan.Stop"/> that must keep running for now,
    /// because their replacement (same app, process and index, on another release or node)
    /// is not running yet.
    /// </summary>
    public static IReadOnlyList<PlacedInstance> Retained(
        PlacementPlan plan,
        Func<PlacedInstance, bool> isRunning)
    {
        var pending = plan.Keep.Concat(plan.Place)
            .Where(instance => !isRunning(instance))
            .ToLookup(instance => (instance.App, instance.Process, instance.Index));

        return plan.Stop
            .Where(old => pending[(old.App, old.Process, old.Index)]
                .Any(replacement => replacement.Release != old.Release || replacement.Node != old.Node))
            .ToList();
    }
}
