using Berth.Core.Nodes;
using Berth.Core.Validation;

namespace Berth.Cli.Arguments;

/// <summary>
/// Parses label arguments: <c>key=value</c> pairs (the constraints of <c>ps:set</c>) and
/// <c>key=value</c> or <c>key-</c> words (<c>nodes:label</c>). Every bad word is reported, and a
/// key given twice is an error rather than a silent overwrite.
/// </summary>
internal static class LabelArguments
{
    /// <summary>Parses <c>key=value</c> pairs; no pairs at all is valid (an empty set).</summary>
    public static ValidationResult<IReadOnlyDictionary<string, string>> ParsePairs(IEnumerable<string> arguments)
    {
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<string>();

        foreach (var argument in arguments)
        {
            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                errors.Add($"'{argument}' is not of the form key=value; write it as, e.g., {argument}=<value>.");
                continue;
            }

            AddPair(argument[..equals], argument[(equals + 1)..], labels, errors);
        }

        return errors.Count == 0
            ? ValidationResult<IReadOnlyDictionary<string, string>>.Ok(labels)
            : ValidationResult<IReadOnlyDictionary<string, string>>.Fail(errors);
    }

    /// <summary>Parses <c>key=value</c> (set) and <c>key-</c> (remove) words; at least one is required.</summary>
    public static ValidationResult<LabelChanges> ParseChanges(IEnumerable<string> arguments)
    {
        var set = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var remove = new SortedSet<string>(StringComparer.Ordinal);
        var errors = new List<string>();

        foreach (var argument in arguments)
        {
            ParseChange(argument, set, remove, errors);
        }

        if (set.Count == 0 && remove.Count == 0 && errors.Count == 0)
        {
            errors.Add("no label was given; pass key=value to set one or key- to remove one.");
        }

        return errors.Count == 0
            ? ValidationResult<LabelChanges>.Ok(new LabelChanges(set, remove.ToList()))
            : ValidationResult<LabelChanges>.Fail(errors);
    }

    private static void ParseChange(
        string argument,
        SortedDictionary<string, string> set,
        SortedSet<string> remove,
        List<string> errors)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        if (equals >= 0)
        {
            var key = argument[..equals];
            if (remove.Contains(key))
            {
                errors.Add(GivenTwice(key));
                return;
            }

            AddPair(key, argument[(equals + 1)..], set, errors);
            return;
        }

        if (!argument.EndsWith('-'))
        {
            errors.Add($"'{argument}' is neither key=value (to set a label) nor key- (to remove one).");
            return;
        }

        AddRemoval(argument[..^1], set, remove, errors);
    }

    private static void AddRemoval(
        string key,
        SortedDictionary<string, string> set,
        SortedSet<string> remove,
        List<string> errors)
    {
        if (!NodeLabel.IsValid(key))
        {
            errors.Add($"'{key}' is not a valid label key: {NodeLabel.Rule}.");
        }
        else if (set.ContainsKey(key) || !remove.Add(key))
        {
            errors.Add(GivenTwice(key));
        }
    }

    private static void AddPair(
        string key,
        string value,
        SortedDictionary<string, string> labels,
        List<string> errors)
    {
        var valid = true;
        if (!NodeLabel.IsValid(key))
        {
            errors.Add($"'{key}' is not a valid label key: {NodeLabel.Rule}.");
            valid = false;
        }

        if (!NodeLabel.IsValid(value))
        {
            errors.Add($"'{value}' is not a valid value for the label '{key}': {NodeLabel.Rule}.");
            valid = false;
        }

        if (valid && !labels.TryAdd(key, value))
        {
            errors.Add(GivenTwice(key));
        }
    }

    private static string GivenTwice(string key) =>
        $"the label key '{key}' is given more than once; give each key once.";
}
