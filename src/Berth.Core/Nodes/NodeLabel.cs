using Berth.Core.Validation;

namespace Berth.Core.Nodes;

/// <summary>
/// The rule for node labels and the constraints that match them, the same for
/// <c>nodes:label</c> and <c>ps:set ... constraint</c>: keys and values hold 1 to 63 ASCII
/// letters, digits, '.', '-', '_' or '/', and start and end with a letter or digit, so that
/// <c>key-</c> (remove a label) is never a key. Case-sensitive.
/// </summary>
public static class NodeLabel
{
    /// <summary>The longest key or value allowed.</summary>
    public const int MaxLength = 63;

    /// <summary>The rule in one sentence, for error messages.</summary>
    public const string Rule =
        "label keys and values hold 1 to 63 letters, digits, '.', '-', '_' or '/', " +
        "and start and end with a letter or digit";

    /// <summary>True when <paramref name="text"/> is a valid label key or value.</summary>
    public static bool IsValid(string text) =>
        text.Length is > 0 and <= MaxLength
        && char.IsAsciiLetterOrDigit(text[0])
        && char.IsAsciiLetterOrDigit(text[^1])
        && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '/');

    /// <summary>Parses <c>key=value</c> pairs; every bad one is reported.</summary>
    public static ValidationResult<IReadOnlyDictionary<string, string>> ParsePairs(IEnumerable<string> pairs)
    {
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<string>();
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0 || !IsValid(pair[..equals]) || !IsValid(pair[(equals + 1)..]))
            {
                errors.Add($"'{pair}' is not a valid key=value label: {Rule}.");
                continue;
            }

            labels[pair[..equals]] = pair[(equals + 1)..];
        }

        return errors.Count == 0
            ? ValidationResult<IReadOnlyDictionary<string, string>>.Ok(labels)
            : ValidationResult<IReadOnlyDictionary<string, string>>.Fail(errors);
    }
}
