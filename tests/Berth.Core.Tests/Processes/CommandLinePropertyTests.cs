using Berth.Core.Processes;
using CsCheck;

namespace Berth.Core.Tests.Processes;

public sealed class CommandLinePropertyTests
{
    private const int Iterations = 2_000;

    /// <summary>Words drawn mostly from characters that mean something to a shell.</summary>
    private static readonly Gen<string> Word =
        Gen.Char["ab $'\"\\#{}*\t\n-_="].Array[0, 8].Select(chars => new string(chars));

    private static readonly Gen<string[]> Words = Word.Array[1, 6];

    [Fact]
    public void Split_EachWordSingleQuoted_ReturnsTheWords()
    {
        Words.Sample(
            words =>
            {
                var command = string.Join(' ', words.Select(SingleQuote));

                Assert.Equal(words, CommandLine.Split(command).Value);
            },
            iter: Iterations,
            print: words => string.Join(" | ", words));
    }

    [Fact]
    public void ToArguments_EachWordDoubleQuotedWithEscapes_ReturnsTheWords()
    {
        Words.Sample(
            words =>
            {
                var command = string.Join(' ', words.Select(DoubleQuote));

                Assert.Equal(words, CommandLine.ToArguments(command, new Dictionary<string, string>()).Value);
            },
            iter: Iterations,
            print: words => string.Join(" | ", words));
    }

    [Fact]
    public void ToArguments_AnyNonEmptyValue_IsOneArgumentBareOrQuoted()
    {
        Word.Where(value => value.Length > 0).Sample(
            value =>
            {
                var environment = new Dictionary<string, string> { ["V"] = value };

                Assert.Equal(["x", value, value], CommandLine.ToArguments("x $V \"${V}\"", environment).Value);
            },
            iter: Iterations,
            print: value => value);
    }

    [Fact]
    public void Expand_TextWithoutDollarOrBackslash_IsUnchanged()
    {
        Word.Where(text => !text.Contains('$') && !text.Contains('\\')).Sample(
            text => Assert.Equal(text, CommandLine.Expand(text, new Dictionary<string, string> { ["a"] = "x" })),
            iter: Iterations,
            print: text => text);
    }

    private static string SingleQuote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string DoubleQuote(string word) =>
        "\"" + string.Concat(word.Select(c => c is '"' or '\\' or '$' or '`' ? "\\" + c : c.ToString())) + "\"";
}
