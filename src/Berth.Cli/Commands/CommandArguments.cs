using System.CommandLine;
using Berth.Cli.Output;

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

    /// <summary>The process type a command acts on.</summary>
    public static Argument<string> Process(string description) => new("type") { Description = description };

    /// <summary><c>--format text|json</c>: how the command prints its result.</summary>
    public static Option<string> Format()
    {
        var format = new Option<string>("--format")
        {
            Description = "text (the default) or json",
            DefaultValueFactory = _ => OutputFormat.Text,
        };
        format.AcceptOnlyFromAmong(OutputFormat.Text, OutputFormat.Json);

        return format;
    }
}
