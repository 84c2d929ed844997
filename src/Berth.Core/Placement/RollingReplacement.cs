namespace Berth.Core.Placement;

/// <summary>
/// The rule that keeps an app serving while a new release replaces an old one: an
/// instance of an old release keeps running until the instance of the new release
/// that takes its place is running.
/// </summary>
public static class RollingReplacement
{
    /// <summary>
    /// The instances of <see cref="PlacementPlan.Stop"/> that must keep running for now,
    /// because their replacement (same app, process and index, another release) is not
    /// running yet.
    /// </summary>
    public static IReadOnlyList<PlacedInstance> Retained(
        PlacementPlan plan,
        Func<PlacedInstance, bool> isRunning)
    {
        var pending = plan.Keep.Concat(plan.Place)
            .Where(instance => !isRunning(instance))
            .Select(instance => (instance.App, instance.Process, instance.Index, instance.Release))
            .ToList();

        return plan.Stop
            .Where(old => pending.Any(p =>
                p.App == old.App && p.Process == old.Process && p.Index == old.Index && p.Release != old.Release))
            .ToList();
    }
}
