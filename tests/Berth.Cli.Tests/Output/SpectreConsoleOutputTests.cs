using Berth.Cli.Output;

namespace Berth.Cli.Tests.Output;

public sealed class SpectreConsoleOutputTests
{
    private readonly StringWriter standardOutput = new();
    private readonly StringWriter standardError = new();

    [Fact]
    public void WriteTable_Redirected_DrawsEveryCellOnOneLineWithoutEscapes()
    {
        var output = Create(colour: false);

        output.WriteTable(
            ["instance", "message"],
            [["myapp.web.1", "[red] exit code 1 " + new string('x', 120)]]);

        var text = standardOutput.ToString();
        Assert.Contains("INSTANCE", text, StringComparison.Ordinal);
        Assert.Contains("myapp.web.1", text, StringComparison.Ordinal);
        Assert.Contains("[red] exit code 1 " + new string('x', 120), text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", text, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteLine_LongText_IsWrittenUnwrapped()
    {
        var line = "password=" + new string('t', 300);

        Create(colour: false).WriteLine(line);

        Assert.Equal(line + Environment.NewLine, standardOutput.ToString());
    }

    [Fact]
    public void WriteError_NoColour_WritesPlainPrefixToStandardError()
    {
        Create(colour: false).WriteError("it broke");

        Assert.Equal("error: it broke" + Environment.NewLine, standardError.ToString());
        Assert.Empty(standardOutput.ToString());
    }

    [Fact]
    public void WriteWarning_Colour_ColoursOnlyThePrefix()
    {
        Create(colour: true).WriteWarning("careful");

        Assert.Equal("\u001b[33mwarning:\u001b[0m careful" + Environment.NewLine, standardError.ToString());
    }

    private SpectreConsoleOutput Create(bool colour) =>
        new(standardOutput, standardError, outputIsTerminal: false, colourErrors: colour);
}
