using Berth.Core.Processes;

namespace Berth.Core.Tests.Processes;

public sealed class CommandLineExpandTests
{
    private static readonly Dictionary<string, string> Environment = new()
    {
        ["PORT"] = "5000",
        ["NAME"] = "my app",
        ["EMPTY"] = "",
    };

    [Theory]
    [InlineData("/health?port=$PORT", "/health?port=5000")]
    [InlineData("${PORT}0", "50000")]
    [InlineData("$NAME!", "my app!")]
    [InlineData("no variables", "no variables")]
    [InlineData("", "")]
    public void Expand_Variables_AreReplaced(string text, string expanded)
    {
        Assert.Equal(expanded, CommandLine.Expand(text, Environment));
    }

    [Theory]
    [InlineData("[$MISSING]", "[]")]
    [InlineData("[${MISSING}]", "[]")]
    [InlineData("[$EMPTY]", "[]")]
    public void Expand_UnsetOrEmptyVariable_StandsForNothing(string text, string expanded)
    {
        Assert.Equal(expanded, CommandLine.Expand(text, Environment));
    }

    [Theory]
    [InlineData("${MISSING:-80}", "80")]
    [InlineData("${EMPTY:-80}", "80")]
    [InlineData("${EMPTY-80}", "")]
    [InlineData("${PORT:-80}", "5000")]
    public void Expand_Defaults_ApplyWhenUnsetOrEmpty(string text, string expanded)
    {
        Assert.Equal(expanded, CommandLine.Expand(text, Environment));
    }

    [Theory]
    [InlineData(@"\$PORT", "$PORT")]
    [InlineData(@"\${PORT}", "${PORT}")]
    [InlineData("$$PORT", "$PORT")]
    [InlineData("$1 $@ $ end$", "$1 $@ $ end$")]
    public void Expand_EscapedOrSpecialDollar_StaysLiteral(string text, string expanded)
    {
        Assert.Equal(expanded, CommandLine.Expand(text, Environment));
    }

    [Theory]
    [InlineData(@"a\nb", @"a\nb")]
    [InlineData(@"a\\$PORT", @"a\\5000")]
    [InlineData(@"end\", @"end\")]
    public void Expand_OtherBackslashes_StayWithTheirCharacter(string text, string expanded)
    {
        Assert.Equal(expanded, CommandLine.Expand(text, Environment));
    }

    [Fact]
    public void Expand_Quotes_AreNotSpecial()
    {
        Assert.Equal("'5000' \"my app\"", CommandLine.Expand("'$PORT' \"$NAME\"", Environment));
    }

    [Theory]
    [InlineData("${PORT", "${PORT")]
    [InlineData("${PORT:=1}", "${PORT:=1}")]
    [InlineData("${} $PORT", "${} 5000")]
    public void Expand_MalformedBraces_StayAsWritten(string text, string expanded)
    {
        Assert.Equal(expanded, CommandLine.Expand(text, Environment));
    }

    [Fact]
    public void Expand_Value_IsNotExpandedAgain()
    {
        var environment = new Dictionary<string, string> { ["A"] = "$B", ["B"] = "b" };

        Assert.Equal("$B", CommandLine.Expand("$A", environment));
    }
}
