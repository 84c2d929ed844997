using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Berth.Cli.Output;

/// <summary>
/// How <c>--format json</c> output is written: one line of compact JSON, snake_case names as
/// in the proto, characters such as quotes left readable (the output never reaches HTML).
/// </summary>
internal static class JsonText
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes <paramref name="node"/> to standard output as one line.</summary>
    public static void Write(IConsoleOutput output, JsonNode node) => output.WriteLine(node.ToJsonString(Options));

    /// <summary>A JSON object of string values, with keys in ordinal order.</summary>
    public static JsonObject Strings(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var json = new JsonObject();
        foreach (var (key, value) in pairs.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            json[key] = value;
        }

        return json;
    }

    /// <summary>A JSON object of numbers, with keys in ordinal order.</summary>
    public static JsonObject Numbers(IEnumerable<KeyValuePair<string, int>> pairs)
    {
        var json = new JsonObject();
        foreach (var (key, value) in pairs.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            json[key] = value;
        }

        return json;
    }

    /// <summary>A JSON array of strings.</summary>
    public static JsonArray Array(IEnumerable<string> values) =>
        new([.. values.Select(value => JsonValue.Create(value))]);
}
