namespace Berth.ControlPlane.Store;

/// <summary>
/// How the cluster's label changes (nodes:label) lay over the labels an agent registers:
/// a change holds a value to set, or null for a label removed.
/// </summary>
public static class NodeLabels
{
    /// <summary>The effective labels: the agent's, then the changes.</summary>
    public static IReadOnlyDictionary<string, string> Apply(
        IReadOnlyDictionary<string, string> registered,
        IReadOnlyDictionary<string, string?> changes)
    {
        var labels = new SortedDictionary<string, string>(
            registered.ToDictionary(l => l.Key, l => l.Value),
            StringComparer.Ordinal);
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                labels.Remove(key);
            }
            else
            {
                labels[key] = value;
            }
        }

        return labels;
    }

    /// <summary>Adds a nodes:label call to the recorded changes.</summary>
    public static void Record(
        IDictionary<string, string?> changes,
        IReadOnlyDictionary<string, string> set,
        IReadOnlyList<string> remove)
    {
        foreach (var (key, value) in set)
        {
            changes[key] = value;
        }

        foreach (var key in remove)
        {
            changes[key] = null;
        }
    }
}
