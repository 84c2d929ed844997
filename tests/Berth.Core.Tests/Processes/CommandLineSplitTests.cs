using Berth.Core.Processes;

namespace Berth.Core.Tests.Processes;

public sealed class CommandLineSplitTests
{
    [Theory]
    [InlineData("./server", new[] { "./server" })]
    [InlineData("bundle exec puma -C config/puma.rb", new[] { "bundle", "exec", "puma", "-C", "config/puma.rb" })]
    [InlineData("  a   b\t\tc  ", new[] { "a", "b", "c" })]
    [InlineData("a\nb\r\nc", new[] { "a", "b", "c" })]
    public void Split_BlankSeparatedWords_ReturnsEachWord(string command, string[] words)
    {
        Assert.Equal(words, CommandLine.Split(command).Value);
    }

    [Theory]
    [InlineData("'a  b'", "a  b")]
    [InlineData("'$HOME ${X}'", "$HOME ${X}")]
    [InlineData(@"'a\nb'", @"a\nb")]
    [InlineData(@"'a\'", @"a\")]
    [InlineData("'say \"hi\"'", "say \"hi\"")]
    [InlineData("'# not a comment'", "# not a comment")]
    public void Split_SingleQuotes_KeepEverythingLiteral(string command, string word)
    {
        Assert.Equal([word], CommandLine.Split(command).Value);
    }

    [Theory]
    [InlineData("\"a  b\"", "a  b")]
    [InlineData(@"""say \""hi\""""", "say \"hi\"")]
    [InlineData(@"""a\\b""", @"a\b")]
    [InlineData(@"""\$HOME""", "$HOME")]
    [InlineData(@"""\`x\`""", "`x`")]
    [InlineData(@"""a\nb""", @"a\nb")]
    [InlineData(@"""a\'b""", @"a\'b")]
    [InlineData("\"it's\"", "it's")]
    [InlineData("\"a\\\nb\"", "ab")]
    public void Split_DoubleQuotes_KeepSpacesAndEscapeOnlyQuoteBackslashDollarBacktick(string command, string word)
    {
        Assert.Equal([word], CommandLine.Split(command).Value);
    }

    [Theory]
    [InlineData(@"a\ b", "a b")]
    [InlineData(@"\'", "'")]
    [InlineData(@"\""", "\"")]
    [InlineData(@"\\", @"\")]
    [InlineData(@"\n", "n")]
    [InlineData(@"\#x", "#x")]
    [InlineData(@"a\", @"a\")]
    public void Split_BackslashOutsideQuotes_KeepsTheNextCharacterLiteral(string command, string word)
    {
        Assert.Equal([word], CommandLine.Split(command).Value);
    }

    [Fact]
    public void Split_BackslashNewline_JoinsTheLines()
    {
        Assert.Equal(["ab", "c"], CommandLine.Split("a\\\nb c").Value);
    }

    [Fact]
    public void Split_AdjacentQuotedAndBareParts_FormOneWord()
    {
        Assert.Equal(["abcd", "--name=a b"], CommandLine.Split("a'b'\"c\"d --name='a b'").Value);
    }

    [Fact]
    public void Split_EmptyQuotes_GiveEmptyWords()
    {
        Assert.Equal(["a", "", "", "b"], CommandLine.Split("a '' \"\" b").Value);
    }

    [Fact]
    public void Split_DollarSigns_StayAsWritten()
    {
        Assert.Equal(["$HOME", "${X}", "$$", "\"$Y\""], CommandLine.Split("$HOME ${X} $$ '\"$Y\"'").Value);
    }

    [Theory]
    [InlineData("./server # starts it", new[] { "./server" })]
    [InlineData("./server #", new[] { "./server" })]
    [InlineData("./server a#b", new[] { "./server", "a#b" })]
    [InlineData("./server '#a' \"#b\"", new[] { "./server", "#a", "#b" })]
    public void Split_HashThatStartsAWord_StartsAComment(string command, string[] words)
    {
        Assert.Equal(words, CommandLine.Split(command).Value);
    }

    [Theory]
    [InlineData("echo 'abc", 6)]
    [InlineData("'", 1)]
    [InlineData("echo 'a' 'b", 10)]
    [InlineData("echo \"it's\" 'x", 13)]
    public void Split_UnterminatedSingleQuote_FailsNamingTheCharacter(string command, int character)
    {
        var result = CommandLine.Split(command);

        Assert.Equal(
            [$"the command has an unterminated single quote (') at character {character}; close it with a matching '."],
            result.Errors);
    }

    [Theory]
    [InlineData("echo \"abc", 6)]
    [InlineData("echo \"abc\\\"", 6)]
    [InlineData("echo 'say \"' \"x", 14)]
    public void Split_UnterminatedDoubleQuote_FailsNamingTheCharacter(string command, int character)
    {
        var result = CommandLine.Split(command);

        Assert.Equal(
            [
                $"the command has an unterminated double quote (\") at character {character}; "
                + "close it with a matching \".",
            ],
            result.Errors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \t ")]
    [InlineData("# only a comment")]
    public void Split_NoWord_FailsSayingWhatToWrite(string command)
    {
        var result = CommandLine.Split(command);

        Assert.Equal(
            [
                "the command gives no program to run (it is empty, a comment, or only variables that are not set); "
                + "write the program and its arguments, e.g. './server --port $PORT'.",
            ],
            result.Errors);
    }

    [Fact]
    public void Split_ShellOperators_ArePlainWords()
    {
        Assert.Equal(["a", "&&", "b", "|", "c", ";", ">x"], CommandLine.Split("a && b | c ; >x").Value);
    }
}
