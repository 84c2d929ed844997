using Berth.Core.Processes;

namespace Berth.Core.Tests.Processes;

public sealed class CommandLineToArgumentsTests
{
    private static readonly Dictionary<string, string> Environment = new()
    {
        ["PORT"] = "5000",
        ["NAME"] = "my app",
        ["EMPTY"] = "",
        ["QUOTED"] = "'a' \"b\" \\c",
        ["GLOB"] = "*.rb",
        ["REFERENCE"] = "$PORT",
        ["_under"] = "u",
        ["lower"] = "l",
    };

    [Theory]
    [InlineData("./server --port $PORT", new[] { "./server", "--port", "5000" })]
    [InlineData("./server --port ${PORT}", new[] { "./server", "--port", "5000" })]
    [InlineData("./server --bind=0.0.0.0:$PORT", new[] { "./server", "--bind=0.0.0.0:5000" })]
    [InlineData("x $PORT/path ${PORT}0 $PORT-1", new[] { "x", "5000/path", "50000", "5000-1" })]
    [InlineData("x $_under $lower", new[] { "x", "u", "l" })]
    public void ToArguments_Variables_AreExpanded(string command, string[] arguments)
    {
        Assert.Equal(arguments, CommandLine.ToArguments(command, Environment).Value);
    }

    [Fact]
    public void ToArguments_VariableNameRunsOverLettersDigitsAndUnderscores()
    {
        Assert.Equal(["x", ""], CommandLine.ToArguments("x \"$PORTS\"", Environment).Value);
    }

    [Fact]
    public void ToArguments_NamesAreCaseSensitive()
    {
        Assert.Equal(["x", "5000"], CommandLine.ToArguments("x $port $PORT", Environment).Value);
    }

    [Fact]
    public void ToArguments_ValueWithSpaces_StaysOneArgument()
    {
        var result = CommandLine.ToArguments("run --name $NAME a-$NAME", Environment);

        Assert.Equal(["run", "--name", "my app", "a-my app"], result.Value);
    }

    [Fact]
    public void ToArguments_ValueWithQuotesBackslashesOrGlobs_IsTakenAsItIs()
    {
        Assert.Equal(
            ["x", "'a' \"b\" \\c", "*.rb", "$PORT"],
            CommandLine.ToArguments("x $QUOTED $GLOB $REFERENCE", Environment).Value);
    }

    [Fact]
    public void ToArguments_InsideDoubleQuotes_Expands()
    {
        var result = CommandLine.ToArguments("echo \"port $PORT of ${NAME}\"", Environment);

        Assert.Equal(["echo", "port 5000 of my app"], result.Value);
    }

    [Fact]
    public void ToArguments_InsideSingleQuotes_DoesNotExpand()
    {
        Assert.Equal(["echo", "$PORT ${NAME}"], CommandLine.ToArguments("echo '$PORT ${NAME}'", Environment).Value);
    }

    [Theory]
    [InlineData(@"echo \$PORT", "$PORT")]
    [InlineData(@"echo ""\$PORT""", "$PORT")]
    [InlineData(@"echo \${PORT}", "${PORT}")]
    [InlineData(@"echo \\$PORT", @"\5000")]
    [InlineData("echo $$", "$")]
    [InlineData("echo $$PORT", "$PORT")]
    [InlineData("echo \"$$\"", "$")]
    [InlineData("echo price:$", "price:$")]
    [InlineData("echo $1 $@ $?", "$1")]
    [InlineData("echo $(date)", "$(date)")]
    [InlineData("echo \"a $ b\"", "a $ b")]
    public void ToArguments_DollarThatIsNotAVariable_StaysLiteral(string command, string second)
    {
        Assert.Equal(second, CommandLine.ToArguments(command, Environment).Value![1]);
    }

    [Theory]
    [InlineData("x $MISSING y", new[] { "x", "y" })]
    [InlineData("x ${MISSING} y", new[] { "x", "y" })]
    [InlineData("x $EMPTY y", new[] { "x", "y" })]
    [InlineData("x \"$MISSING\" y", new[] { "x", "", "y" })]
    [InlineData("x ''$MISSING y", new[] { "x", "", "y" })]
    [InlineData("x a$MISSING y", new[] { "x", "a", "y" })]
    public void ToArguments_UnsetOrEmptyVariable_StandsForNothing(string command, string[] arguments)
    {
        Assert.Equal(arguments, CommandLine.ToArguments(command, Environment).Value);
    }

    [Fact]
    public void ToArguments_EmptyVariableBeforeHash_IsNotAComment()
    {
        Assert.Equal(["x", "#y"], CommandLine.ToArguments("x $EMPTY#y", Environment).Value);
    }

    [Theory]
    [InlineData("x ${PORT:-80}", new[] { "x", "5000" })]
    [InlineData("x ${MISSING:-80}", new[] { "x", "80" })]
    [InlineData("x ${EMPTY:-80}", new[] { "x", "80" })]
    [InlineData("x ${PORT-80}", new[] { "x", "5000" })]
    [InlineData("x ${MISSING-80}", new[] { "x", "80" })]
    [InlineData("x \"${EMPTY-80}\"", new[] { "x", "" })]
    [InlineData("x ${MISSING:-a b}", new[] { "x", "a b" })]
    [InlineData("x \"${MISSING:-a b}\"", new[] { "x", "a b" })]
    [InlineData("x \"${MISSING:-}\"", new[] { "x", "" })]
    [InlineData("x ${MISSING:-$PORT}", new[] { "x", "$PORT" })]
    public void ToArguments_Defaults_ApplyWhenUnsetOrEmpty(string command, string[] arguments)
    {
        Assert.Equal(arguments, CommandLine.ToArguments(command, Environment).Value);
    }

    [Fact]
    public void ToArguments_NothingLeftAfterExpansion_Fails()
    {
        var result = CommandLine.ToArguments("$MISSING $EMPTY", Environment);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("the command gives no program to run", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x ${PORT", 3)]
    [InlineData("x \"${PORT\"", 4)]
    [InlineData("${", 1)]
    public void ToArguments_UnterminatedBrace_FailsNamingTheCharacter(string command, int character)
    {
        var result = CommandLine.ToArguments(command, Environment);

        Assert.Contains(
            $"the command has an unterminated '${{' at character {character}; close it with '}}'.",
            result.Errors);
    }

    [Theory]
    [InlineData("x ${}", "${}")]
    [InlineData("x ${1}", "${1}")]
    [InlineData("x ${#PORT}", "${#PORT}")]
    [InlineData("x ${PORT:=80}", "${PORT:=80}")]
    [InlineData("x ${PORT%0}", "${PORT%0}")]
    [InlineData("x ${PO RT}", "${PO RT}")]
    public void ToArguments_BraceFormBerthCannotExpand_FailsSayingWhatToWrite(string command, string reference)
    {
        var result = CommandLine.ToArguments(command, Environment);

        Assert.Equal(
            [
                $"the command holds '{reference}' at character 3, which Berth cannot expand; "
                + "write $NAME, ${NAME} or ${NAME:-default}, or escape the $ as \\$.",
            ],
            result.Errors);
    }

    [Fact]
    public void ToArguments_SeveralErrors_ReportsEachOne()
    {
        var result = CommandLine.ToArguments("x ${A:=1} ${#B} 'c", Environment);

        Assert.Equal(3, result.Errors.Count);
    }

    [Fact]
    public void ToArguments_Errors_NeverShowAValue()
    {
        var secrets = new Dictionary<string, string> { ["SECRET"] = "hunter2" };

        var result = CommandLine.ToArguments("x \"$SECRET ${SECRET:?} 'y", secrets);

        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, error => Assert.DoesNotContain("hunter2", error, StringComparison.Ordinal));
    }

    [Fact]
    public void ToArguments_WithoutVariables_MatchesSplit()
    {
        const string Command = "a 'b c' \"d\\\"e\" f\\ g # h";

        Assert.Equal(CommandLine.Split(Command).Value, CommandLine.ToArguments(Command, Environment).Value);
    }
}
