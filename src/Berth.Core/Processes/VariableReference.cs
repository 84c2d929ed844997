namespace Berth.Core.Processes;

/// <summary>
/// Reads the variable reference that starts at a <c>$</c> in a command: <c>$NAME</c>,
/// <c>${NAME}</c>, <c>${NAME:-default}</c>, <c>${NAME-default}</c> and <c>$$</c>.
/// </summary>
internal static class VariableReference
{
    /// <summary>The forms Berth expands, for error messages.</summary>
    private const string Forms = "write $NAME, ${NAME} or ${NAME:-default}, or escape the $ as \\$";

    /// <summary>Reads the reference at <paramref name="start"/>, where the command holds a <c>$</c>.</summary>
    public static VariableMatch Read(string command, int start, IReadOnlyDictionary<string, string> environment)
    {
        var next = start + 1 < command.Length ? command[start + 1] : '\0';

        if (next == '$')
        {
            // No shell runs the command, so $$ (the shell's process id) has no meaning: it stands for
            // one literal $, as in Docker Compose files.
            return VariableMatch.Of(2, "$");
        }

        if (IsNameStart(next))
        {
            var length = NameLength(command, start + 1);
            var name = command.Substring(start + 1, length);
            return VariableMatch.Of(1 + length, Lookup(environment, name));
        }

        // Special parameters ($1, $@, $?, ...) and a lone $ have no meaning without a shell: they stay as written.
        return next == '{' ? ReadBraced(command, start, environment) : VariableMatch.Of(1, "$");
    }

    /// <summary>True for a character that may start a variable name: a letter or '_'.</summary>
    public static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static VariableMatch ReadBraced(string command, int start, IReadOnlyDictionary<string, string> environment)
    {
        var close = command.IndexOf('}', start + 2);
        if (close < 0)
        {
            return VariableMatch.Fail(
                command.Length - start,
                $"the command has an unterminated '${{' at character {start + 1}; close it with '}}'.");
        }

        var inside = command[(start + 2)..close];
        var length = close - start + 1;
        var nameLength = inside.Length > 0 && IsNameStart(inside[0]) ? NameLength(inside, 0) : 0;
        var name = inside[..nameLength];
        var operation = inside[nameLength..];

        if (nameLength > 0 && operation.Length == 0)
        {
            return VariableMatch.Of(length, Lookup(environment, name));
        }

        // Limitation: the default in ${NAME:-default} is taken as written: no variable in it expands and no quote
        // in it is removed, and it ends at the first '}'.
        if (nameLength > 0 && operation.StartsWith(":-", StringComparison.Ordinal))
        {
            var value = Lookup(environment, name);
            return VariableMatch.Of(length, value.Length > 0 ? value : operation[2..]);
        }

        if (nameLength > 0 && operation.StartsWith('-'))
        {
            return VariableMatch.Of(length, environment.TryGetValue(name, out var value) ? value : operation[1..]);
        }

        return VariableMatch.Fail(
            length,
            $"the command holds '${{{inside}}}' at character {start + 1}, which Berth cannot expand; {Forms}.");
    }

    private static int NameLength(string text, int from)
    {
        var end = from;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
        {
            end++;
        }

        return end - from;
    }

    /// <summary>An unknown name stands for nothing, as in a shell.</summary>
    private static string Lookup(IReadOnlyDictionary<string, string> environment, string name) =>
        environment.TryGetValue(name, out var value) ? value : string.Empty;
}
