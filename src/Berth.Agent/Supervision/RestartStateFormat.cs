using System.Text.Json;

namespace Berth.Agent.Supervision;

/// <summary>
/// Writes and reads the restart state file's text: a JSON list of records sorted by container
/// id. Pure.
/// </summary>
internal static class RestartStateFormat
{
    /// <summary>The text of <paramref name="records"/>; equal records give equal text.</summary>
    public static string Write(IEnumerable<RestartRecord> records)
    {
        var sorted = records.OrderBy(record => record.ContainerId, StringComparer.Ordinal).ToList();

        return JsonSerializer.Serialize(sorted, RestartStateJson.Default.ListRestartRecord);
    }

    /// <summary>The records in <paramref name="text"/>; entries without a container id are skipped.</summary>
    /// <exception cref="JsonException">The text is not such a list.</exception>
    public static IReadOnlyList<RestartRecord> Read(string text)
    {
        var records = JsonSerializer.Deserialize(text, RestartStateJson.Default.ListRestartRecord) ?? [];

        return [.. records.Where(record => !string.IsNullOrEmpty(record.ContainerId))];
    }
}
