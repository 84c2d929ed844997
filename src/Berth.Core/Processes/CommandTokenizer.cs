using System.Text;
using Berth.Core.Validation;

namespace Berth.Core.Processes;

/// <summary>
/// Splits one command into its words with POSIX shell quoting, expanding variables on the way
/// where a shell would (in bare words and double quotes, never in single quotes). Use it once.
/// </summary>
/// <param name="command">The command as written.</param>
/// <param name="environment">The variables to expand, or null to leave every <c>$</c> as written.</param>
internal sealed class CommandTokenizer(string command, IReadOnlyDictionary<string, string>? environment)
{
    private readonly List<string> words = [];
    private readonly List<string> errors = [];
    private readonly StringBuilder word = new();

    private int position;

    /// <summary>True once anything but a separator was read since the last word ended.</summary>
    private bool wordOpen;

    /// <summary>True when the open word holds a quoted part, so it is kept even when empty.</summary>
    private bool wordQuoted;

    /// <summary>Reads the whole command: its words, or every error found.</summary>
    public ValidationResult<IReadOnlyList<string>> Tokenize()
    {
        while (position < command.Length && !AtComment())
        {
            ReadNext();
        }

        EndWord();

        if (errors.Count == 0 && words.Count == 0)
        {
            errors.Add(
                "the command gives no program to run (it is empty, a comment, or only variables that are "
                + "not set); write the program and its arguments, e.g. './server --port $PORT'.");
        }

        return errors.Count == 0
            ? ValidationResult<IReadOnlyList<string>>.Ok(words)
            : ValidationResult<IReadOnlyList<string>>.Fail(errors);
    }

    private static bool IsSeparator(char c) => c is ' ' or '\t' or '\n' or '\r';

    /// <summary>A # that begins a word starts a comment to the end of the command, as in a shell.</summary>
    private bool AtComment() => !wordOpen && command[position] == '#';

    private void ReadNext()
    {
        var c = command[position];
        if (IsSeparator(c))
        {
            EndWord();
            position++;
            return;
        }

        wordOpen = true;
        switch (c)
        {
            case '\'':
                ReadSingleQuoted();
                break;
            case '"':
                ReadDoubleQuoted();
                break;
            case '\\':
                ReadEscaped();
                break;
            case '$' when environment is not null:
                ReadVariable();
                break;
            default:
                word.Append(c);
                position++;
                break;
        }
    }

    /// <summary>Everything up to the closing quote is literal.</summary>
    private void ReadSingleQuoted()
    {
        var close = command.IndexOf('\'', position + 1);
        if (close < 0)
        {
            errors.Add(
                $"the command has an unterminated single quote (') at character {position + 1}; "
                + "close it with a matching '.");
            position = command.Length;
            return;
        }

        word.Append(command, position + 1, close - position - 1);
        wordQuoted = true;
        position = close + 1;
    }

    /// <summary>Backslash escapes only " \ $ ` and a newline; variables expand.</summary>
    private void ReadDoubleQuoted()
    {
        var start = position;
        wordQuoted = true;
        position++;

        while (position < command.Length)
        {
            var c = command[position];
            if (c == '"')
            {
                position++;
                return;
            }

            ReadDoubleQuotedCharacter(c);
        }

        errors.Add(
            $"the command has an unterminated double quote (\") at character {start + 1}; "
            + "close it with a matching \".");
    }

    private void ReadDoubleQuotedCharacter(char c)
    {
        var next = position + 1 < command.Length ? command[position + 1] : '\0';

        if (c == '\\' && next is '"' or '\\' or '$' or '`')
        {
            word.Append(next);
            position += 2;
        }
        else if (c == '\\' && next == '\n')
        {
            position += 2;
        }
        else if (c == '$' && environment is not null)
        {
            ReadVariable();
        }
        else
        {
            word.Append(c);
            position++;
        }
    }

    /// <summary>Outside quotes a backslash keeps the next character literal; backslash-newline joins lines.</summary>
    private void ReadEscaped()
    {
        if (position + 1 >= command.Length)
        {
            // A trailing backslash has nothing to escape: it stays, as with sh -c.
            word.Append('\\');
            position++;
            return;
        }

        var next = command[position + 1];
        if (next != '\n')
        {
            word.Append(next);
        }

        position += 2;
    }

    /// <summary>
    /// The value becomes part of the current word as it is: it is not split at spaces and its
    /// quotes and backslashes are not read again.
    /// </summary>
    private void ReadVariable()
    {
        var match = VariableReference.Read(command, position, environment!);
        if (match.Error is not null)
        {
            errors.Add(match.Error);
        }

        word.Append(match.Value);
        position += match.Length;
    }

    /// <summary>
    /// Ends the open word. A word made only of unquoted variables that expanded to nothing
    /// disappears, as in a shell; a quoted empty word ('' or "") stays.
    /// </summary>
    private void EndWord()
    {
        if (wordOpen && (word.Length > 0 || wordQuoted))
        {
            words.Add(word.ToString());
        }

        word.Clear();
        wordOpen = false;
        wordQuoted = false;
    }
}
