using Berth.Core.AppJson;

namespace Berth.Core.Processes;

/// <summary>
/// Decides how many instances of each process type an app runs after a deploy.
/// </summary>
/// <remarks>
/// For each process type of the release, in this order of precedence:
/// <list type="number">
/// <item>the app's current count, when the app already has one for that type (even 0: a type the
/// user scaled down stays down);</item>
/// <item>else the <c>quantity</c> from the release's app.json formation;</item>
/// <item>else 1 for <c>web</c> and 0 for every other type.</item>
/// </list>
/// Types in the current formation that the release does not define are dropped and returned apart.
/// Types in the app.json formation that the release does not define are ignored.
/// </remarks>
public static class FormationDefaults
{
    /// <summary>The count a <c>web</c> process starts with when nothing else says.</summary>
    public const int WebCount = 1;

    /// <summary>The count any other process starts with when nothing else says.</summary>
    public const int OtherCount = 0;

    /// <summary>
    /// The formation after deploying a release that defines <paramref name="releaseTypes"/>; an empty
    /// collection means the release has no Procfile and runs only <c>web</c>.
    /// </summary>
    public static ReleaseFormation Resolve(
        IReadOnlyCollection<string> releaseTypes,
        IReadOnlyDictionary<string, int> current,
        IReadOnlyDictionary<string, FormationEntry> appJson)
    {
        HashSet<string> types = releaseTypes.Count == 0 ? [ProcessType.Web] : [.. releaseTypes];

        var formation = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            formation[type] = CountOf(type, current, appJson);
        }

        var dropped = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (type, count) in current.Where(entry => !types.Contains(entry.Key)))
        {
            dropped[type] = count;
        }

        return new ReleaseFormation(formation, dropped);
    }

    /// <summary>The default count of a process type that neither the app nor app.json gives a count.</summary>
    public static int DefaultCount(string type) => type == ProcessType.Web ? WebCount : OtherCount;

    private static int CountOf(
        string type,
        IReadOnlyDictionary<string, int> current,
        IReadOnlyDictionary<string, FormationEntry> appJson)
    {
        if (current.TryGetValue(type, out var count))
        {
            return count;
        }

        return appJson.TryGetValue(type, out var entry) && entry.Quantity is { } quantity
            ? quantity
            : DefaultCount(type);
    }
}
