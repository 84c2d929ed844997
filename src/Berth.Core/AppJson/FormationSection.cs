using System.Text.Json;
using Berth.Core.Processes;

namespace Berth.Core.AppJson;

/// <summary>
/// Reads app.json's <c>formation</c> section:
/// <c>{ "&lt;type&gt;": { "quantity": 0..10000, "max_parallel": 1..10000 } }</c>. Unknown keys
/// inside an entry (such as Heroku's <c>size</c>) are ignored.
/// </summary>
internal static class FormationSection
{
    /// <summary>The section's key in app.json.</summary>
    public const string Key = "formation";

    private const string SectionExample = "{ \"web\": { \"quantity\": 1 } }";

    private const string EntryExample = "{ \"quantity\": 1 }";

    /// <summary>
    /// The section's entries, empty when it is absent; every bad value is added to
    /// <paramref name="errors"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, FormationEntry> Read(JsonElement root, ICollection<string> errors)
    {
        var entries = new SortedDictionary<string, FormationEntry>(StringComparer.Ordinal);
        if (!JsonValues.TryGet(root, Key, out var section)
            || !JsonValues.RequireObject(section, Key, SectionExample, errors))
        {
            return entries;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in section.EnumerateObject())
        {
            ReadType(property, seen, entries, errors);
        }

        return entries;
    }

    private static void ReadType(
        JsonProperty property,
        HashSet<string> seen,
        SortedDictionary<string, FormationEntry> entries,
        ICollection<string> errors)
    {
        var type = property.Name;
        var path = $"{Key}.{type}";

        if (!JsonValues.AcceptProcessType(Key, type, seen, errors))
        {
            return;
        }

        var entry = ReadEntry(property.Value, path, errors);
        if (entry is not null)
        {
            entries.Add(type, entry);
        }
    }

    private static FormationEntry? ReadEntry(JsonElement value, string path, ICollection<string> errors)
    {
        if (value.ValueKind == JsonValueKind.Null || !JsonValues.RequireObject(value, path, EntryExample, errors))
        {
            return null;
        }

        var quantity = JsonValues.ReadWholeNumber(value, path, "quantity", 0, FormationArguments.MaxCount, errors);
        var maxParallel = JsonValues.ReadWholeNumber(
            value, path, "max_parallel", 1, FormationArguments.MaxCount, errors);

        return new FormationEntry(quantity, maxParallel);
    }
}
