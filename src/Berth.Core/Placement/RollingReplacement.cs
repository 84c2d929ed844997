namespace Berth.Core.Placement;

/// <summary>
/// The rule that keeps an app serving while instances are replaced: an instance that a new
/// release replaces, or that moves to another node, keeps running until the instance that
/// takes its place is running. A process type whose checks are disabled is the exception:
/// its old instances stop before their replacements start.
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

    /// <summary>
    /// Paces a plan so that each process type replaces at most <paramref name="maxParallel"/>
    /// serving instances at a time: a replacement starts only while fewer than that many
    /// replacements of its type are starting, and the instance it replaces keeps running
    /// until it runs. New instances that replace nothing (scaling up) start at once. An
    /// instance whose replacement cannot be placed at all keeps running.
    /// </summary>
    public static PacedPlan Pace(
        PlacementPlan plan,
        Func<PlacedInstance, bool> isRunning,
        Func<string, string, int> maxParallel) =>
        Pace(plan, isRunning, maxParallel, static (_, _) => false);

    /// <summary>
    /// Paces a plan as <see cref="Pace(PlacementPlan, Func{PlacedInstance, bool}, Func{string, string, int})"/>
    /// does, except for the process types <paramref name="stopsOldFirst"/> names (checks
    /// disabled): there a replacement's old instance stops first (it is neither placed nor
    /// retained), and the replacement starts in a later pass, once the old one no longer runs.
    /// </summary>
    /// <remarks>
    /// Once an old instance has stopped, its replacement looks like any new instance, so for such
    /// a type every instance still starting counts against <paramref name="maxParallel"/>,
    /// scale-ups included. Old instances are taken in index order, so that successive passes
    /// choose the same ones while they stop.
    /// </remarks>
    public static PacedPlan Pace(
        PlacementPlan plan,
        Func<PlacedInstance, bool> isRunning,
        Func<string, string, int> maxParallel,
        Func<string, string, bool> stopsOldFirst)
    {
        var serving = plan.Stop.Where(isRunning).ToLookup(Slot);
        var place = new List<PlacedInstance>();
        var deferred = new HashSet<(string, string, int)>();

        foreach (var type in plan.Place.GroupBy(i => (i.App, i.Process)))
        {
            var oldFirst = stopsOldFirst(type.Key.App, type.Key.Process);
            var replacing = type.Where(i => Replaces(i, serving[Slot(i)])).OrderBy(i => i.Index).ToList();
            var fresh = type.Except(replacing).ToList();
            place.AddRange(fresh);

            var keep = plan.Keep.Where(k => (k.App, k.Process) == type.Key && !isRunning(k)).ToList();
            var starting = oldFirst
                ? keep.Count + fresh.Count(i => !isRunning(i))
                : keep.Count(k => Replaces(k, serving[Slot(k)]));
            var budget = Math.Max(1, maxParallel(type.Key.App, type.Key.Process)) - starting;

            foreach (var instance in replacing)
            {
                if (budget-- <= 0)
                {
                    deferred.Add(Slot(instance));
                }
                else if (!oldFirst)
                {
                    place.Add(instance);
                }

                // Else the old instance stops now: not retained, and its replacement waits for a later pass.
            }
        }

        // An instance whose replacement cannot be placed keeps serving rather than leave a gap.
        deferred.UnionWith(plan.Unplaced.Select(u => (u.App, u.Process, u.Index)));
        var retained = Retained(plan with { Place = place }, isRunning)
            .Concat(plan.Stop.Where(old => deferred.Contains(Slot(old)) && isRunning(old)))
            .Distinct()
            .ToList();
        return new PacedPlan(place, retained);
    }

    private static (string, string, int) Slot(PlacedInstance instance) =>
        (instance.App, instance.Process, instance.Index);

    private static bool Replaces(PlacedInstance instance, IEnumerable<PlacedInstance> serving) =>
        serving.Any(old => old.Release != instance.Release || old.Node != instance.Node);
}
