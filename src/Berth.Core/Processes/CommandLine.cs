using System.Text;
using Berth.Core.Validation;

namespace Berth.Core.Processes;

/// <summary>
/// Turns a Procfile command into the argument list a container runs, the way a POSIX shell would
/// read it, without running a shell.
/// </summary>
/// <remarks>
/// <para>Variables: <c>$NAME</c>, <c>${NAME}</c>, <c>${NAME:-default}</c> (default when unset or
/// empty) and <c>${NAME-default}</c> (default when unset) expand; an unknown name stands for
/// nothing, as in a shell. <c>$$</c> stands for one literal <c>$</c> (no shell runs, so the shell's
/// process id has no meaning). <c>\$</c> is a literal <c>$</c>. A <c>$</c> not followed by a name,
/// <c>{</c> or <c>$</c> (e.g. <c>$1</c>, <c>$@</c>, <c>$(</c>) stays as written.</para>
/// <para>Quoting: blanks separate words; single quotes keep everything literal; double quotes keep
/// everything but <c>$</c> expansions literal, and a backslash in them escapes only <c>"</c>,
/// <c>\</c>, <c>$</c>, <c>`</c> and a newline; outside quotes a backslash keeps the next character
/// literal; a word that starts with <c>#</c> starts a comment.</para>
/// <para>Unlike a shell, the value of a variable in a bare word is NOT split into several words
/// and is not read for quotes or globs again: <c>--name $NAME</c> gives one argument whatever
/// spaces the value holds.</para>
/// </remarks>
// Limitation: no shell runs the command, so &&, |, ;, redirections, $(...), backticks, globs and ~ reach the
// program as plain arguments; a Procfile that needs them must say so itself, e.g. web: sh -c './a && ./b'.
public static class CommandLine
{
    /// <summary>
    /// Expands the variables in <paramref name="text"/> without regard to quotes, for text that is
    /// not a command line. A backslash before <c>$</c> is dropped and the <c>$</c> kept; every other
    /// backslash stays with the character after it. A malformed <c>${...}</c> stays as written.
    /// </summary>
    public static string Expand(string text, IReadOnlyDictionary<string, string> environment)
    {
        var expanded = new StringBuilder(text.Length);
        var position = 0;

        while (position < text.Length)
        {
            position += ExpandAt(text, position, environment, expanded);
        }

        return expanded.ToString();
    }

    /// <summary>
    /// Splits <paramref name="command"/> into its words by POSIX shell quoting, leaving every
    /// <c>$</c> as written. An unterminated quote, or a command with no word, is an error.
    /// </summary>
    public static ValidationResult<IReadOnlyList<string>> Split(string command) =>
        new CommandTokenizer(command, environment: null).Tokenize();

    /// <summary>
    /// The arguments a container runs for <paramref name="command"/>: split by POSIX shell quoting
    /// with variables from <paramref name="environment"/> expanded outside single quotes. An
    /// unterminated quote, a <c>${...}</c> Berth cannot expand, or no word at all is an error.
    /// </summary>
    public static ValidationResult<IReadOnlyList<string>> ToArguments(
        string command,
        IReadOnlyDictionary<string, string> environment) =>
        new CommandTokenizer(command, environment).Tokenize();

    /// <summary>Appends what the text at <paramref name="position"/> stands for; returns the characters read.</summary>
    private static int ExpandAt(
        string text,
        int position,
        IReadOnlyDictionary<string, string> environment,
        StringBuilder expanded)
    {
        var c = text[position];

        if (c == '\\' && position + 1 < text.Length)
        {
            var next = text[position + 1];
            if (next != '$')
            {
                expanded.Append(c);
            }

            expanded.Append(next);
            return 2;
        }

        if (c != '$')
        {
            expanded.Append(c);
            return 1;
        }

        var match = VariableReference.Read(text, position, environment);
        if (match.Error is not null)
        {
            expanded.Append('$');
            return 1;
        }

        expanded.Append(match.Value);
        return match.Length;
    }
}
