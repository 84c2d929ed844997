using Berth.Core.Config;

namespace Berth.Core.Tests.Config;

public sealed class ConfigArgumentsTests
{
    [Fact]
    public void ParsePairs_SimplePairs_ReturnsEveryPair()
    {
        var result = ConfigArguments.ParsePairs(["A=1", "b_2=two", "_X=x"]);

        Assert.True(result.IsValid);
        Assert.Equal(
            new Dictionary<string, string> { ["A"] = "1", ["b_2"] = "two", ["_X"] = "x" },
            result.Value);
    }

    [Fact]
    public void ParsePairs_ValueWithEquals_KeepsEverythingAfterTheFirstEquals()
    {
        var result = ConfigArguments.ParsePairs(["DATABASE_URL=postgres://u:p@h/db?sslmode=require&a=b"]);

        Assert.True(result.IsValid);
        Assert.Equal("postgres://u:p@h/db?sslmode=require&a=b", result.Value!["DATABASE_URL"]);
    }

    [Fact]
    public void ParsePairs_EmptyValue_IsAccepted()
    {
        var result = ConfigArguments.ParsePairs(["EMPTY="]);

        Assert.True(result.IsValid);
        Assert.Equal(string.Empty, result.Value!["EMPTY"]);
    }

    [Fact]
    public void ParsePairs_ValueWithSpacesAndNewline_IsKeptVerbatim()
    {
        var result = ConfigArguments.ParsePairs(["MOTD= hello\nworld "]);

        Assert.Equal(" hello\nworld ", result.Value!["MOTD"]);
    }

    [Theory]
    [InlineData("1KEY=x", "1KEY")]
    [InlineData("MY-KEY=x", "MY-KEY")]
    [InlineData("MY KEY=x", "MY KEY")]
    [InlineData("MY.KEY=x", "MY.KEY")]
    [InlineData("=x", "")]
    [InlineData("KÉY=x", "KÉY")]
    public void ParsePairs_BadKey_FailsNamingTheKeyAndTheRule(string argument, string key)
    {
        var result = ConfigArguments.ParsePairs([argument]);

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith($"'{key}'", error, StringComparison.Ordinal);
        Assert.Contains(ConfigKey.Rule, error, StringComparison.Ordinal);
    }

    [Fact]
    public void ParsePairs_MissingEquals_FailsShowingTheExpectedForm()
    {
        var result = ConfigArguments.ParsePairs(["KEY"]);

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Contains("'KEY'", error, StringComparison.Ordinal);
        Assert.Contains("KEY=value", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ParsePairs_NoArguments_FailsAskingForOnePair()
    {
        var result = ConfigArguments.ParsePairs([]);

        Assert.False(result.IsValid);
        Assert.Contains("no KEY=value pair", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void ParsePairs_SeveralBadArguments_ReportsEveryOneInOrder()
    {
        var result = ConfigArguments.ParsePairs(["GOOD=1", "NOEQUALS", "1BAD=x", "ALSO_GOOD=2", "=y"]);

        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.Collection(
            result.Errors,
            e => Assert.Contains("'NOEQUALS'", e, StringComparison.Ordinal),
            e => Assert.StartsWith("'1BAD'", e, StringComparison.Ordinal),
            e => Assert.StartsWith("''", e, StringComparison.Ordinal));
    }

    [Fact]
    public void ParsePairs_DuplicateKey_LaterPairWins()
    {
        var result = ConfigArguments.ParsePairs(["KEY=first", "OTHER=o", "KEY=second"]);

        Assert.True(result.IsValid);
        Assert.Equal(2, result.Value!.Count);
        Assert.Equal("second", result.Value["KEY"]);
    }

    [Fact]
    public void ParsePairs_KeysDifferingInCase_AreDistinct()
    {
        var result = ConfigArguments.ParsePairs(["key=a", "KEY=b"]);

        Assert.Equal(2, result.Value!.Count);
    }

    [Fact]
    public void ParseKeys_ValidKeys_ReturnsThemWithoutDuplicates()
    {
        var result = ConfigArguments.ParseKeys(["A", "_B", "c1", "A"]);

        Assert.True(result.IsValid);
        Assert.Equal(["A", "_B", "c1"], result.Value);
    }

    [Fact]
    public void ParseKeys_NoArguments_FailsAskingForOneKey()
    {
        var result = ConfigArguments.ParseKeys([]);

        Assert.False(result.IsValid);
        Assert.Contains("no key was given", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void ParseKeys_SeveralBadKeys_ReportsEveryOne()
    {
        var result = ConfigArguments.ParseKeys(["GOOD", "1BAD", "KEY=value", "", "A-B"]);

        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.Collection(
            result.Errors,
            e => Assert.StartsWith("'1BAD'", e, StringComparison.Ordinal),
            e => Assert.StartsWith("'KEY=value'", e, StringComparison.Ordinal),
            e => Assert.StartsWith("''", e, StringComparison.Ordinal),
            e => Assert.StartsWith("'A-B'", e, StringComparison.Ordinal));
        Assert.All(result.Errors, e => Assert.Contains(ConfigKey.Rule, e, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("A", true)]
    [InlineData("_", true)]
    [InlineData("a_1", true)]
    [InlineData("", false)]
    [InlineData("1A", false)]
    [InlineData("A B", false)]
    [InlineData("Ä", false)]
    public void IsValid_Key_FollowsShellVariableRules(string key, bool expected)
    {
        Assert.Equal(expected, ConfigKey.IsValid(key));
    }
}
