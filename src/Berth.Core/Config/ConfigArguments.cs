using Berth.Core.Validation;

namespace Berth.Core.Config;

/// <summary>
/// Parses the arguments of <c>config:set</c> (<c>KEY=value</c> pairs) and
/// <c>config:unset</c> (keys). Every bad argument is reported, not only the first.
/// </summary>
public static class ConfigArguments
{
    /// <summary>Parses <c>KEY=value</c> pairs; a later pair for the same key wins.</summary>
    public static ValidationResult<IReadOnlyDictionary<string, string>> ParsePairs(IEnumerable<string> arguments)
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<string>();

        foreach (var argument in arguments)
        {
            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                errors.Add($"'{argument}' is not of the form KEY=value; write it as, e.g., {argument}=<value>.");
                continue;
            }

            var key = argument[..equals];
            if (!ConfigKey.IsValid(key))
            {
                // The value may be a secret: the error names only the key.
                errors.Add($"'{key}' is not a valid key: {ConfigKey.Rule}.");
                continue;
            }

            values[key] = argument[(equals + 1)..];
        }

        if (values.Count == 0 && errors.Count == 0)
        {
            errors.Add("no KEY=value pair was given; pass at least one, e.g. config:set myapp KEY=value.");
        }

        return errors.Count == 0
            ? ValidationResult<IReadOnlyDictionary<string, string>>.Ok(values)
            : ValidationResult<IReadOnlyDictionary<string, string>>.Fail(errors);
    }

    /// <summary>Checks the keys given to <c>config:unset</c>.</summary>
    public static ValidationResult<IReadOnlyList<string>> ParseKeys(IEnumerable<string> arguments)
    {
        var keys = arguments.ToList();
        var errors = keys
            .Where(key => !ConfigKey.IsValid(key))
            .Select(key => $"'{key}' is not a valid key: {ConfigKey.Rule}.")
            .ToList();

        if (keys.Count == 0)
        {
            errors.Add("no key was given; pass at least one, e.g. config:unset myapp KEY.");
        }

        return errors.Count == 0
            ? ValidationResult<IReadOnlyList<string>>.Ok(keys.Distinct(StringComparer.Ordinal).ToList())
            : ValidationResult<IReadOnlyList<string>>.Fail(errors);
    }
}
