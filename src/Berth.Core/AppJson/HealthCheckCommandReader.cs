using System.Text.Json;
using Berth.Core.Processes;

namespace Berth.Core.AppJson;

/// <summary>
/// Reads the <c>command</c> of an app.json check: a list of words (the program, then its arguments), or
/// one string split into words by shell quoting as a Procfile command is. Variables stay as written.
/// </summary>
internal static class HealthCheckCommandReader
{
    private const string Example = "[\"./bin/check\", \"--ready\"]";

    /// <summary>The command's words, or null when absent or wrong (with an error).</summary>
    public static IReadOnlyList<string>? Read(JsonElement check, string path, ICollection<string> errors)
    {
        if (!JsonValues.TryGet(check, "command", out var value))
        {
            return null;
        }

        var commandPath = $"{path}.command";
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return Split(value.GetString()!, commandPath, errors);
            case JsonValueKind.Array:
                return ReadWords(value, commandPath, errors);
            default:
                errors.Add(
                    $"app.json {commandPath} must be a list of words, e.g. {Example}, or a command line; "
                    + $"it is {JsonValues.Describe(value)}.");
                return null;
        }
    }

    private static IReadOnlyList<string>? Split(string command, string commandPath, ICollection<string> errors)
    {
        var words = CommandLine.Split(command);
        foreach (var error in words.Errors)
        {
            errors.Add($"app.json {commandPath}: {error}");
        }

        return words.Value;
    }

    private static List<string>? ReadWords(JsonElement value, string commandPath, ICollection<string> errors)
    {
        if (value.GetArrayLength() == 0)
        {
            errors.Add(
                $"app.json {commandPath} is an empty list; give the program and its arguments, e.g. {Example}.");
            return null;
        }

        var errorsBefore = errors.Count;
        var words = new List<string>();
        var index = 0;
        foreach (var word in value.EnumerateArray())
        {
            if (word.ValueKind == JsonValueKind.String)
            {
                words.Add(word.GetString()!);
            }
            else
            {
                errors.Add($"app.json {commandPath}[{index}] must be a string; it is {JsonValues.Describe(word)}.");
            }

            index++;
        }

        if (words.Count > 0 && string.IsNullOrWhiteSpace(words[0]) && errors.Count == errorsBefore)
        {
            errors.Add($"app.json {commandPath}[0] is empty; it must name the program to run, e.g. {Example}.");
        }

        return errors.Count == errorsBefore ? words : null;
    }
}
