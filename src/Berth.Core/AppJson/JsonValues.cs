using Berth.Core.Processes;
using System.Text.Json;

namespace Berth.Core.AppJson;

/// <summary>
/// Reads the values of app.json's sections, adding an error that names the value's path and
/// what it must be whenever a value has the wrong shape.
/// </summary>
internal static class JsonValues
{
    /// <summary>
    /// Finds property <paramref name="name"/> of an object; a property whose value is <c>null</c>
    /// counts as absent.
    /// </summary>
    public static bool TryGet(JsonElement parent, string name, out JsonElement value) =>
        parent.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>
    /// True when <paramref name="value"/> is an object; else adds an error that shows
    /// <paramref name="example"/>.
    /// </summary>
    public static bool RequireObject(JsonElement value, string path, string example, ICollection<string> errors)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        errors.Add($"app.json {path} must be an object, e.g. {example}; it is {Describe(value)}.");
        return false;
    }

    /// <summary>
    /// Reads property <paramref name="name"/> of the object at <paramref name="parentPath"/>: null
    /// when absent, the number when it is a whole number from <paramref name="minimum"/> to
    /// <paramref name="maximum"/>, else null and an error.
    /// </summary>
    public static int? ReadWholeNumber(
        JsonElement parent,
        string parentPath,
        string name,
        int minimum,
        int maximum,
        ICollection<string> errors)
    {
        if (!TryGet(parent, name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number
            && value.TryGetInt32(out var number)
            && number >= minimum
            && number <= maximum)
        {
            return number;
        }

        errors.Add(
            $"app.json {parentPath}.{name} must be a whole number from {minimum} to {maximum}; "
            + $"it is {Describe(value)}.");
        return null;
    }

    /// <summary>
    /// Reads property <paramref name="name"/> of the object at <paramref name="parentPath"/>: null
    /// when absent, the text when it is a string, else null and an error.
    /// </summary>
    public static string? ReadString(
        JsonElement parent,
        string parentPath,
        string name,
        ICollection<string> errors)
    {
        if (!TryGet(parent, name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        errors.Add($"app.json {parentPath}.{name} must be a string; it is {Describe(value)}.");
        return null;
    }

    /// <summary>
    /// Reads property <paramref name="name"/> of the object at <paramref name="parentPath"/>: null
    /// when absent, the value when it is <c>true</c> or <c>false</c>, else null and an error.
    /// </summary>
    public static bool? ReadBoolean(
        JsonElement parent,
        string parentPath,
        string name,
        ICollection<string> errors)
    {
        if (!TryGet(parent, name, out var value))
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        errors.Add($"app.json {parentPath}.{name} must be true or false; it is {Describe(value)}.");
        return null;
    }

    /// <summary>Names a value for an error message: a number as written, else its kind.</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.String => "a string",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "null",
    };

    /// <summary>
    /// Checks a process type used as a key of app.json section <paramref name="section"/>: a valid
    /// name, given once. False, with the error added, when it is not.
    /// </summary>
    public static bool AcceptProcessType(string section, string type, ISet<string> seen, ICollection<string> errors)
    {
        if (!ProcessType.IsValid(type))
        {
            errors.Add(
                $"app.json {section} has the key '{type}', which is not a valid process type: {ProcessType.Rule}; "
                + "use a process type from the Procfile.");
            return false;
        }

        if (!seen.Add(type))
        {
            errors.Add($"app.json {section}.{type} is given twice; keep one.");
            return false;
        }

        return true;
    }
}
