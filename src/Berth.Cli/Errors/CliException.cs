namespace Berth.Cli.Errors;

/// <summary>
/// An error meant for the user: each message is one sentence that says what is wrong and
/// what to do, printed as its own <c>error:</c> line.
/// </summary>
internal sealed class CliException : Exception
{
    /// <summary>Creates an error with one message.</summary>
    public CliException(string message)
        : this([message])
    {
    }

    /// <summary>Creates an error with one message and the exception behind it.</summary>
    public CliException(string message, Exception inner)
        : base(message, inner)
    {
        Messages = [message];
    }

    /// <summary>Creates an error that carries every message found, e.g. every validation error.</summary>
    public CliException(IReadOnlyList<string> messages)
        : base(string.Join(Environment.NewLine, messages))
    {
        Messages = messages;
    }

    /// <summary>The messages to print, one per line.</summary>
    public IReadOnlyList<string> Messages { get; }
}
