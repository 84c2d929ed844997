using Berth.Core.Validation;

namespace Berth.Core.Processes;

/// <summary>
/// Reads a Procfile by Dokku's rules: one <c>type: command</c> line per process type; lines that
/// start with <c>#</c> or <c>//</c> are comments; blank lines are ignored. A duplicate type, a bad
/// type name, an empty command or a line of any other shape rejects the whole file, and every
/// such line is reported with its number.
/// </summary>
public static class Procfile
{
    /// <summary>The file name Dokku and Heroku look for at the root of the app's source.</summary>
    public const string FileName = "Procfile";

    /// <summary>
    /// Parses the text of a Procfile into its process definitions, in file order. Line endings may
    /// be LF or CRLF; a leading byte order mark is ignored.
    /// </summary>
    public static ValidationResult<IReadOnlyList<ProcessDefinition>> Parse(string text)
    {
        var definitions = new List<ProcessDefinition>();
        var lineOfType = new Dictionary<string, int>(StringComparer.Ordinal);
        var errors = new List<string>();

        var lines = text.TrimStart('\uFEFF').Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var number = index + 1;
            var definition = ParseLine(lines[index].TrimEnd('\r'), number, errors);
            if (definition is not null)
            {
                AddUnlessDuplicate(definition, number, lineOfType, definitions, errors);
            }
        }

        if (definitions.Count == 0 && errors.Count == 0)
        {
            errors.Add(
                "the Procfile defines no process; add a line such as 'web: ./server', "
                + "or delete the Procfile to run the image's own command as web.");
        }

        return errors.Count == 0
            ? ValidationResult<IReadOnlyList<ProcessDefinition>>.Ok(definitions)
            : ValidationResult<IReadOnlyList<ProcessDefinition>>.Fail(errors);
    }

    /// <summary>Reads one line: a definition, or null for a comment, a blank line or an error.</summary>
    private static ProcessDefinition? ParseLine(string line, int number, List<string> errors)
    {
        var trimmed = line.Trim();
        if (trimmed.Length == 0 || trimmed.StartsWith('#') || trimmed.StartsWith("//", StringComparison.Ordinal))
        {
            return null;
        }

        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            errors.Add(
                $"Procfile line {number}: the line is not of the form 'type: command'; "
                + "write it as, e.g., 'web: ./server', or start it with # to make it a comment.");
            return null;
        }

        var type = trimmed[..colon].Trim();
        var command = trimmed[(colon + 1)..].Trim();
        var lineErrors = CheckTypeAndCommand(type, command, number);
        errors.AddRange(lineErrors);

        return lineErrors.Count == 0 ? new ProcessDefinition(type, command) : null;
    }

    private static List<string> CheckTypeAndCommand(string type, string command, int number)
    {
        var errors = new List<string>();

        if (type.Length == 0)
        {
            errors.Add(
                $"Procfile line {number}: there is no process type before the ':'; "
                + "name the process, e.g. 'web: ./server'.");
        }
        else if (!ProcessType.IsValid(type))
        {
            errors.Add($"Procfile line {number}: '{type}' is not a valid process type: {ProcessType.Rule}; rename it.");
        }

        if (command.Length == 0)
        {
            var example = type.Length == 0 ? "web" : type;
            errors.Add(
                $"Procfile line {number}: there is no command after the ':'; "
                + $"write the command to run, e.g. '{example}: ./server'.");
        }

        return errors;
    }

    private static void AddUnlessDuplicate(
        ProcessDefinition definition,
        int number,
        Dictionary<string, int> lineOfType,
        List<ProcessDefinition> definitions,
        List<string> errors)
    {
        if (lineOfType.TryGetValue(definition.Type, out var first))
        {
            errors.Add(
                $"Procfile line {number}: process type '{definition.Type}' is already defined on line {first}; "
                + "keep one line per process type.");
            return;
        }

        lineOfType.Add(definition.Type, number);
        definitions.Add(definition);
    }
}
