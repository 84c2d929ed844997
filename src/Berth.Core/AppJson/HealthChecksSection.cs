using System.Text.Json;
using Berth.Core.Health;

namespace Berth.Core.AppJson;

/// <summary>
/// Reads app.json's <c>healthchecks</c> section: <c>{ "&lt;type&gt;": [ check, ... ] }</c>, each check
/// read by <see cref="HealthCheckReader"/>. Checks keep their order in the file.
/// </summary>
internal static class HealthChecksSection
{
    /// <summary>The section's key in app.json.</summary>
    public const string Key = "healthchecks";

    private const string SectionExample = "{ \"web\": [ { \"path\": \"/health\" } ] }";

    private const string ListExample = "[ { \"path\": \"/health\" } ]";

    /// <summary>
    /// The checks of every process type, empty when the section is absent; every bad value is added
    /// to <paramref name="errors"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<HealthCheck>> Read(
        JsonElement root,
        ICollection<string> errors)
    {
        var checks = new SortedDictionary<string, IReadOnlyList<HealthCheck>>(StringComparer.Ordinal);
        if (!JsonValues.TryGet(root, Key, out var section)
            || !JsonValues.RequireObject(section, Key, SectionExample, errors))
        {
            return checks;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in section.EnumerateObject())
        {
            ReadType(property, seen, checks, errors);
        }

        return checks;
    }

    private static void ReadType(
        JsonProperty property,
        HashSet<string> seen,
        SortedDictionary<string, IReadOnlyList<HealthCheck>> checks,
        ICollection<string> errors)
    {
        var type = property.Name;
        var path = $"{Key}.{type}";

        if (!JsonValues.AcceptProcessType(Key, type, seen, errors))
        {
            return;
        }

        var list = ReadList(property.Value, type, path, errors);
        if (list is not null)
        {
            checks.Add(type, list);
        }
    }

    private static List<HealthCheck>? ReadList(JsonElement value, string type, string path, ICollection<string> errors)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(
                $"app.json {path} must be a list of checks, e.g. {ListExample}; it is {JsonValues.Describe(value)}.");
            return null;
        }

        var list = new List<HealthCheck>();
        var index = 0;
        foreach (var element in value.EnumerateArray())
        {
            var check = HealthCheckReader.Read(element, type, index++, errors);
            if (check is not null)
            {
                list.Add(check);
            }
        }

        return list;
    }
}
