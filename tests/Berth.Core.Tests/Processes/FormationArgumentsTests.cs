using Berth.Core.Processes;

namespace Berth.Core.Tests.Processes;

public sealed class FormationArgumentsTests
{
    [Fact]
    public void Parse_GoodPairs_ReturnsEveryCount()
    {
        var result = FormationArguments.Parse(["web=2", "worker=0", "Clock_1=10000", "a-b=007"]);

        Assert.True(result.IsValid);
        Assert.Equal(
            new Dictionary<string, int> { ["web"] = 2, ["worker"] = 0, ["Clock_1"] = 10_000, ["a-b"] = 7 },
            result.Value);
    }

    [Fact]
    public void Parse_DuplicateType_LaterCountWins()
    {
        var result = FormationArguments.Parse(["web=1", "web=3"]);

        Assert.Equal(3, result.Value!["web"]);
    }

    [Theory]
    [InlineData("web.1=2", "web.1")]
    [InlineData("we b=2", "we b")]
    [InlineData("=2", "")]
    [InlineData("wéb=2", "wéb")]
    public void Parse_BadType_FailsNamingTheTypeAndTheRule(string argument, string process)
    {
        var result = FormationArguments.Parse([argument]);

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith($"'{process}' is not a valid process type", error, StringComparison.Ordinal);
        Assert.Contains(ProcessType.Rule, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TypeOfSixtyFourCharacters_Fails()
    {
        var result = FormationArguments.Parse([new string('w', 64) + "=1"]);

        Assert.False(result.IsValid);
    }

    [Theory]
    [InlineData("web=-1")]
    [InlineData("web=two")]
    [InlineData("web=")]
    [InlineData("web=1.5")]
    [InlineData("web= 2")]
    [InlineData("web=+2")]
    [InlineData("web=0x10")]
    public void Parse_CountNotADigitString_FailsNamingTheArgument(string argument)
    {
        var result = FormationArguments.Parse([argument]);

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Contains($"'{argument}'", error, StringComparison.Ordinal);
        Assert.Contains("web=2", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("web=10001")]
    [InlineData("web=2147483647")]
    public void Parse_CountAboveMaximum_FailsSayingOutOfRange(string argument)
    {
        var result = FormationArguments.Parse([argument]);

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Contains("out of range", error, StringComparison.Ordinal);
        Assert.Contains("10000", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("web")]
    [InlineData("web:2")]
    [InlineData("web=2=3")]
    public void Parse_NotOfTheFormTypeEqualsCount_FailsShowingTheForm(string argument)
    {
        var result = FormationArguments.Parse([argument]);

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Contains($"'{argument}' is not of the form type=count", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoArguments_FailsAskingForOnePair()
    {
        var result = FormationArguments.Parse([]);

        Assert.False(result.IsValid);
        Assert.Contains("no type=count pair", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralBadArguments_ReportsEveryOneAndNoValue()
    {
        var result = FormationArguments.Parse(["web=2", "worker", "bad.type=1", "clock=x", "big=20000"]);

        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.Collection(
            result.Errors,
            e => Assert.Contains("'worker'", e, StringComparison.Ordinal),
            e => Assert.Contains("'bad.type'", e, StringComparison.Ordinal),
            e => Assert.Contains("'clock=x'", e, StringComparison.Ordinal),
            e => Assert.Contains("20000", e, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("web", 0)]
    [InlineData("web", FormationArguments.MaxCount)]
    public void Check_CountInRange_ReturnsNull(string process, int count)
    {
        Assert.Null(FormationArguments.Check(process, count));
    }

    [Theory]
    [InlineData("web", -1, "out of range")]
    [InlineData("web", FormationArguments.MaxCount + 1, "out of range")]
    [InlineData("web!", 1, "not a valid process type")]
    public void Check_BadInput_ReturnsTheReason(string process, int count, string reason)
    {
        Assert.Contains(reason, FormationArguments.Check(process, count), StringComparison.Ordinal);
    }
}
