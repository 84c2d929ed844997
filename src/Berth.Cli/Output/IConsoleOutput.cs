namespace Berth.Cli.Output;

/// <summary>
/// Where commands write: results to standard output, warnings and errors to standard
/// error. Tests substitute a recorder.
/// </summary>
internal interface IConsoleOutput
{
    /// <summary>Writes one line of plain text to standard output, exactly as given.</summary>
    void WriteLine(string text = "");

    /// <summary>Writes a table to standard output.</summary>
    void WriteTable(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows);

    /// <summary>Writes <c>warning: message</c> to standard error.</summary>
    void WriteWarning(string message);

    /// <summary>Writes <c>error: message</c> to standard error.</summary>
    void WriteError(string message);

    /// <summary>Writes diagnostic text, such as a stack trace, to standard error.</summary>
    void WriteDiagnostic(string text);
}
