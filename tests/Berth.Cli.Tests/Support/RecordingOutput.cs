using Berth.Cli.Output;

namespace Berth.Cli.Tests.Support;

/// <summary>Captures what commands write, keeping tables as data.</summary>
internal sealed class RecordingOutput : IConsoleOutput
{
    public List<string> Lines { get; } = [];

    public List<RecordedTable> Tables { get; } = [];

    public List<string> Warnings { get; } = [];

    public List<string> Errors { get; } = [];

    public List<string> Diagnostics { get; } = [];

    /// <summary>Everything written to standard output, tables included, one string.</summary>
    public string StandardOutput =>
        string.Join('\n', Lines.Concat(Tables.SelectMany(table => table.Rows.Select(row => string.Join(' ', row)))));

    /// <summary>Everything written to standard error, one string.</summary>
    public string StandardError => string.Join('\n', Errors.Concat(Warnings).Concat(Diagnostics));

    public void WriteLine(string text = "") => Lines.Add(text);

    public void WriteTable(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows) =>
        Tables.Add(new RecordedTable(columns, rows));

    public void WriteWarning(string message) => Warnings.Add(message);

    public void WriteError(string message) => Errors.Add(message);

    public void WriteDiagnostic(string text) => Diagnostics.Add(text);
}
