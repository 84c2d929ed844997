using System.CommandLine;

namespace Berth.Cli.Errors;

/// <summary>
/// What is printed for a command line that does not parse: each parse error, then hints: a
/// guess at the command meant when the name is mistyped, and where to read the usage.
/// </summary>
internal static class UsageErrors
{
    /// <summary>The error messages of <paramref name="parseResult"/>, one per line.</summary>
    public static IReadOnlyList<string> Errors(ParseResult parseResult) =>
        parseResult.Errors.Select(error => error.Message).ToList();

    /// <summary>The hint lines that follow the errors.</summary>
    public static IReadOnlyList<string> Hints(ParseResult parseResult)
    {
        var hints = new List<string>();
        var command = parseResult.CommandResult.Command;

        if (command is RootCommand && parseResult.UnmatchedTokens.Count > 0)
        {
            var suggestions = Suggest(parseResult.UnmatchedTokens[0], CommandNames(command));
            if (suggestions.Count > 0)
            {
                hints.Add($"did you mean: {string.Join(", ", suggestions)}?");
            }
        }

        var usage = command is RootCommand ? "berth --help" : $"berth {command.Name} --help";
        hints.Add($"see '{usage}' for usage.");
        return hints;
    }

    /// <summary>
    /// The commands <paramref name="word"/> may have meant: those of its group (<c>apps</c> gives
    /// <c>apps:create</c>, ...), else the nearest name when it is only a small typo away.
    /// </summary>
    public static IReadOnlyList<string> Suggest(string word, IReadOnlyList<string> names)
    {
        var group = names.Where(name => name.StartsWith(word + ":", StringComparison.Ordinal)).ToList();
        if (group.Count > 0)
        {
            return group;
        }

        var limit = Math.Max(2, word.Length / 3);
        return names
            .Select(name => (Name: name, Distance: Distance(word, name)))
            .Where(candidate => candidate.Distance <= limit)
            .OrderBy(candidate => candidate.Distance)
            .Take(1)
            .Select(candidate => candidate.Name)
            .ToList();
    }

    private static List<string> CommandNames(Command root) =>
        root.Subcommands
            .Where(command => !command.Hidden)
            .SelectMany(command => command.Aliases.Prepend(command.Name))
            .ToList();

    private static int Distance(string left, string right)
    {
        // Levenshtein distance, two rows at a time.
        var previous = Enumerable.Range(0, right.Length + 1).ToArray();
        var current = new int[right.Length + 1];

        for (var i = 1; i <= left.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= right.Length; j++)
            {
                var substitution = previous[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[right.Length];
    }
}
