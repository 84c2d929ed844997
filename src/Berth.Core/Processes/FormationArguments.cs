using System.Globalization;
using Berth.Core.Validation;

namespace Berth.Core.Processes;

/// <summary>Parses the <c>type=count</c> arguments of <c>ps:scale</c>.</summary>
public static class FormationArguments
{
    /// <summary>The largest count one process type may be scaled to.</summary>
    public const int MaxCount = 10_000;

    /// <summary>Parses every argument, reporting each bad one by name.</summary>
    public static ValidationResult<IReadOnlyDictionary<string, int>> Parse(IEnumerable<string> arguments)
    {
        var formation = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var errors = new List<string>();

        foreach (var argument in arguments)
        {
            var error = ParseOne(argument, formation);
            if (error is not null)
            {
                errors.Add(error);
            }
        }

        if (formation.Count == 0 && errors.Count == 0)
        {
            errors.Add("no type=count pair was given; pass at least one, e.g. ps:scale myapp web=2.");
        }

        return errors.Count == 0
            ? ValidationResult<IReadOnlyDictionary<string, int>>.Ok(formation)
            : ValidationResult<IReadOnlyDictionary<string, int>>.Fail(errors);
    }

    /// <summary>Checks one type and count, as they reach the API.</summary>
    public static string? Check(string process, int count)
    {
        if (!ProcessType.IsValid(process))
        {
            return $"'{process}' is not a valid process type: {ProcessType.Rule}.";
        }

        return count is < 0 or > MaxCount
            ? $"the count {count} for '{process}' is out of range: give a whole number from 0 to {MaxCount}."
            : null;
    }

    private static string? ParseOne(string argument, IDictionary<string, int> formation)
    {
        var parts = argument.Split('=');
        if (parts.Length != 2)
        {
            return $"'{argument}' is not of the form type=count; write it as, e.g., web=2.";
        }

        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return parts[1].Length > 0 && parts[1].All(char.IsAsciiDigit)
                ? $"the count {parts[1]} for '{parts[0]}' is out of range: give a whole number from 0 to {MaxCount}."
                : $"the count in '{argument}' is not a whole number; write it as, e.g., {parts[0]}=2.";
        }

        var error = Check(parts[0], count);
        if (error is null)
        {
            formation[parts[0]] = count;
        }

        return error;
    }
}
