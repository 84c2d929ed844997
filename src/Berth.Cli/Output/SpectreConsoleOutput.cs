using Spectre.Console;

namespace Berth.Cli.Output;

/// <summary>
/// The real console: plain lines go straight to the writers (never wrapped, so scripts can
/// read them), tables are drawn by Spectre.Console (borderless and wide when piped), and the
/// <c>error:</c> and <c>warning:</c> prefixes are coloured only on a terminal.
/// </summary>
internal sealed class SpectreConsoleOutput : IConsoleOutput
{
    private const int RedirectedWidth = 240;

    private readonly TextWriter standardOutput;
    private readonly TextWriter standardError;
    private readonly IAnsiConsole tableConsole;
    private readonly TableBorder tableBorder;
    private readonly bool colourErrors;

    /// <summary>Creates an output over the given writers.</summary>
    /// <param name="standardOutput">Where results go.</param>
    /// <param name="standardError">Where warnings and errors go.</param>
    /// <param name="outputIsTerminal">False when standard output is piped: tables get a wide, plain layout.</param>
    /// <param name="colourErrors">True to colour the error and warning prefixes.</param>
    public SpectreConsoleOutput(
        TextWriter standardOutput,
        TextWriter standardError,
        bool outputIsTerminal,
        bool colourErrors)
    {
        this.standardOutput = standardOutput;
        this.standardError = standardError;
        this.colourErrors = colourErrors;
        tableConsole = CreateTableConsole(standardOutput, outputIsTerminal);

        // Borderless columns when piped, so that tools such as awk can read them.
        tableBorder = outputIsTerminal ? TableBorder.Simple : TableBorder.None;
    }

    /// <summary>The output for this process's console, honouring <c>NO_COLOR</c>.</summary>
    public static SpectreConsoleOutput ForProcessConsole()
    {
        var noColour = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

        return new SpectreConsoleOutput(
            Console.Out,
            Console.Error,
            outputIsTerminal: !Console.IsOutputRedirected,
            colourErrors: !noColour && !Console.IsErrorRedirected);
    }

    /// <inheritdoc />
    public void WriteLine(string text = "") => standardOutput.WriteLine(text);

    /// <inheritdoc />
    public void WriteTable(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var table = new Table().Border(tableBorder);
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(new Text(column.ToUpperInvariant())));
        }

        foreach (var row in rows)
        {
            table.AddRow(row.Select(cell => new Text(cell)));
        }

        tableConsole.Write(table);
    }

    /// <inheritdoc />
    public void WriteWarning(string message) => WritePrefixed("warning", "\u001b[33m", message);

    /// <inheritdoc />
    public void WriteError(string message) => WritePrefixed("error", "\u001b[31m", message);

    /// <inheritdoc />
    public void WriteDiagnostic(string text) => standardError.WriteLine(text);

    private void WritePrefixed(string prefix, string colour, string message)
    {
        var label = colourErrors ? $"{colour}{prefix}:\u001b[0m" : $"{prefix}:";
        standardError.WriteLine($"{label} {message}");
    }

    private static IAnsiConsole CreateTableConsole(TextWriter writer, bool isTerminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });

        if (!isTerminal)
        {
            // A pipe has no width; a wide one keeps each row on one line for scripts.
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
