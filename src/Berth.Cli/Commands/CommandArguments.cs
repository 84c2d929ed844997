using System.CommandLine;

namespace Berth.Cli.Commands;

/// <summary>The positional arguments several commands share; each command gets its own instance.</summary>
internal static class CommandArguments
{
    /// <summary>The app a command acts on.</summary>
    public static Argument<string> App() => new("app") { Description = "The app's name" };

    /// <summary>A list of words, such as <c>KEY=value</c> pairs, requiring at least one.</summary>
    public static Argument<string[]> OneOrMore(string name, string description) => new(name)
    {
        Description = description,
        Arity = ArgumentArity.OneOrMore,
    };
}
