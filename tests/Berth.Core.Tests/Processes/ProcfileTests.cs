using Berth.Core.Processes;

namespace Berth.Core.Tests.Processes;

public sealed class ProcfileTests
{
    [Fact]
    public void Parse_TypicalFile_ReturnsDefinitionsInFileOrder()
    {
        var result = Procfile.Parse("web: ./server --port $PORT\nworker: ./work\nclock: ./tick\n");

        Assert.True(result.IsValid);
        Assert.Equal(
            [
                new ProcessDefinition("web", "./server --port $PORT"),
                new ProcessDefinition("worker", "./work"),
                new ProcessDefinition("clock", "./tick"),
            ],
            result.Value);
    }

    [Fact]
    public void Parse_CommentsAndBlankLines_AreIgnored()
    {
        var text = "# a comment\n\n   \n// another\n  # indented\n\t// indented too\nweb: ./server\n\n";

        var result = Procfile.Parse(text);

        Assert.Equal([new ProcessDefinition("web", "./server")], result.Value);
    }

    [Fact]
    public void Parse_CrlfLineEndings_AreTolerated()
    {
        var result = Procfile.Parse("web: ./server\r\nworker: ./work\r\n");

        Assert.Equal(
            [new ProcessDefinition("web", "./server"), new ProcessDefinition("worker", "./work")],
            result.Value);
    }

    [Fact]
    public void Parse_ByteOrderMark_IsIgnored()
    {
        var result = Procfile.Parse("\uFEFFweb: ./server");

        Assert.Equal([new ProcessDefinition("web", "./server")], result.Value);
    }

    [Fact]
    public void Parse_NoFinalNewline_ReadsTheLastLine()
    {
        var result = Procfile.Parse("web: ./server\nworker: ./work");

        Assert.Equal(2, result.Value!.Count);
    }

    [Theory]
    [InlineData("web:./server")]
    [InlineData("web: ./server")]
    [InlineData("  web  :   ./server  ")]
    [InlineData("\tweb\t:\t./server\t")]
    public void Parse_SpacesAroundTypeAndCommand_AreTrimmed(string line)
    {
        var result = Procfile.Parse(line);

        Assert.Equal([new ProcessDefinition("web", "./server")], result.Value);
    }

    [Theory]
    [InlineData("web: env A=b:c ./server", "env A=b:c ./server")]
    [InlineData("web: ./server --bind http://0.0.0.0:$PORT", "./server --bind http://0.0.0.0:$PORT")]
    [InlineData("web: ./server # starts it", "./server # starts it")]
    [InlineData("web: ./server // not a comment here", "./server // not a comment here")]
    public void Parse_CommandText_KeepsEverythingAfterTheFirstColon(string line, string command)
    {
        var result = Procfile.Parse(line);

        Assert.Equal(command, Assert.Single(result.Value!).Command);
    }

    [Theory]
    [InlineData("web")]
    [InlineData("Web")]
    [InlineData("worker-2")]
    [InlineData("long_running")]
    [InlineData("0")]
    public void Parse_ValidTypeNames_AreAccepted(string type)
    {
        var result = Procfile.Parse($"{type}: ./run");

        Assert.Equal(type, Assert.Single(result.Value!).Type);
    }

    [Fact]
    public void Parse_TypeOfSixtyThreeCharacters_IsAccepted()
    {
        var type = new string('w', 63);

        var result = Procfile.Parse($"{type}: ./run");

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Parse_TypesDifferingOnlyInCase_AreDistinct()
    {
        var result = Procfile.Parse("web: ./a\nWeb: ./b");

        Assert.Equal(["web", "Web"], result.Value!.Select(d => d.Type));
    }

    [Fact]
    public void Parse_LineWithoutColon_FailsNamingTheLineAndTheForm()
    {
        var result = Procfile.Parse("web: ./server\n\nbundle exec puma");

        Assert.Equal(
            [
                "Procfile line 3: the line is not of the form 'type: command'; "
                + "write it as, e.g., 'web: ./server', or start it with # to make it a comment.",
            ],
            result.Errors);
    }

    [Fact]
    public void Parse_NoTypeBeforeTheColon_FailsNamingTheLine()
    {
        var result = Procfile.Parse("  : ./server");

        Assert.Equal(
            ["Procfile line 1: there is no process type before the ':'; name the process, e.g. 'web: ./server'."],
            result.Errors);
    }

    [Theory]
    [InlineData("we b: ./run", "we b")]
    [InlineData("web.1: ./run", "web.1")]
    [InlineData("wéb: ./run", "wéb")]
    [InlineData("web/x: ./run", "web/x")]
    public void Parse_InvalidType_FailsNamingTheTypeAndTheRule(string line, string type)
    {
        var result = Procfile.Parse($"# header\n{line}");

        Assert.Equal(
            [$"Procfile line 2: '{type}' is not a valid process type: {ProcessType.Rule}; rename it."],
            result.Errors);
    }

    [Fact]
    public void Parse_TypeOfSixtyFourCharacters_Fails()
    {
        var type = new string('w', 64);

        var result = Procfile.Parse($"{type}: ./run");

        Assert.StartsWith($"Procfile line 1: '{type}' is not a valid process type", Assert.Single(result.Errors));
    }

    [Theory]
    [InlineData("worker:")]
    [InlineData("worker:   ")]
    [InlineData("worker :\t")]
    public void Parse_EmptyCommand_FailsNamingTheLineAndAnExample(string line)
    {
        var result = Procfile.Parse($"web: ./server\n{line}");

        Assert.Equal(
            ["Procfile line 2: there is no command after the ':'; write the command to run, e.g. 'worker: ./server'."],
            result.Errors);
    }

    [Fact]
    public void Parse_NoTypeAndNoCommand_ReportsBoth()
    {
        var result = Procfile.Parse(":");

        Assert.Equal(2, result.Errors.Count);
        Assert.Contains("no process type before", result.Errors[0], StringComparison.Ordinal);
        Assert.Equal(
            "Procfile line 1: there is no command after the ':'; write the command to run, e.g. 'web: ./server'.",
            result.Errors[1]);
    }

    [Fact]
    public void Parse_DuplicateType_FailsNamingBothLines()
    {
        var result = Procfile.Parse("web: ./a\nworker: ./w\n# again\nweb: ./b");

        Assert.Equal(
            [
                "Procfile line 4: process type 'web' is already defined on line 1; keep one line per process type.",
            ],
            result.Errors);
        Assert.Null(result.Value);
    }

    [Fact]
    public void Parse_ThirdDefinitionOfAType_NamesTheFirstLine()
    {
        var result = Procfile.Parse("web: ./a\nweb: ./b\nweb: ./c");

        Assert.Equal(2, result.Errors.Count);
        Assert.All(
            result.Errors,
            error => Assert.Contains("already defined on line 1", error, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_SeveralBadLines_ReportsEveryOneInLineOrder()
    {
        var result = Procfile.Parse("web: ./a\nnonsense\nbad type: ./b\nworker:\r\nweb: ./c\n");

        Assert.Equal(4, result.Errors.Count);
        Assert.StartsWith("Procfile line 2: ", result.Errors[0], StringComparison.Ordinal);
        Assert.StartsWith("Procfile line 3: 'bad type'", result.Errors[1], StringComparison.Ordinal);
        Assert.StartsWith("Procfile line 4: there is no command", result.Errors[2], StringComparison.Ordinal);
        Assert.StartsWith("Procfile line 5: process type 'web'", result.Errors[3], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("\r\n  \r\n")]
    [InlineData("# only\n// comments\n")]
    public void Parse_NoProcess_FailsSayingWhatToDo(string text)
    {
        var result = Procfile.Parse(text);

        Assert.Equal(
            [
                "the Procfile defines no process; add a line such as 'web: ./server', "
                + "or delete the Procfile to run the image's own command as web.",
            ],
            result.Errors);
    }

    [Fact]
    public void Parse_OnlyBadLines_ReportsThemAndNotAnEmptyFile()
    {
        var result = Procfile.Parse("nonsense");

        Assert.Single(result.Errors);
        Assert.StartsWith("Procfile line 1:", result.Errors[0], StringComparison.Ordinal);
    }
}
