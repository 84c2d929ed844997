using Berth.Cli.Arguments;

namespace Berth.Cli.Tests.Arguments;

public sealed class ChecksSettingArgumentsTests
{
    [Fact]
    public void Parse_EverySetting_SetsEach()
    {
        var result = ChecksSettingArguments.Parse(["wait=5", "timeout=10", "attempts=3"]);

        Assert.True(result.IsValid);
        Assert.Equal(new ChecksSetting(5, 10, 3), result.Value);
    }

    [Fact]
    public void Parse_OneSetting_LeavesTheOthers()
    {
        var result = ChecksSettingArguments.Parse(["attempts=100"]);

        Assert.Equal(new ChecksSetting(ChecksSetting.Leave, ChecksSetting.Leave, 100), result.Value);
    }

    [Fact]
    public void Parse_EmptyValue_ClearsIt()
    {
        var result = ChecksSettingArguments.Parse(["wait=", "timeout=600"]);

        Assert.Equal(new ChecksSetting(ChecksSetting.Clear, 600, ChecksSetting.Leave), result.Value);
    }

    [Theory]
    [InlineData(
        "wait=0",
        "wait '0' is not a whole number of seconds from 1 to 600; to clear it, write wait= with nothing after; " +
        "give e.g. wait=10.")]
    [InlineData("timeout=601", "timeout '601' is not a whole number of seconds from 1 to 600; give e.g. timeout=10.")]
    [InlineData("attempts=101", "attempts '101' is not a whole number from 1 to 100; give e.g. attempts=5.")]
    [InlineData("attempts=-1", "attempts '-1' is not a whole number from 1 to 100; give e.g. attempts=5.")]
    [InlineData("wait=5s", "wait '5s' is not a whole number of seconds from 1 to 600; give e.g. wait=10.")]
    [InlineData(
        "retries=3",
        "'retries' is not a setting of checks:set; give wait=SECONDS, timeout=SECONDS or attempts=N " +
        "(an empty value such as wait= clears it).")]
    [InlineData("wait", "'wait' is not a setting; write NAME=VALUE, e.g. wait=5.")]
    public void Parse_BadWord_SaysWhatIsWrong(string word, string error)
    {
        var result = ChecksSettingArguments.Parse([word]);

        Assert.Equal(error, Assert.Single(result.Errors));
    }

    [Fact]
    public void Parse_SameSettingTwice_IsRefused()
    {
        var result = ChecksSettingArguments.Parse(["wait=5", "wait=6"]);

        Assert.Equal("wait is given twice; give it once.", Assert.Single(result.Errors));
    }

    [Fact]
    public void Parse_SeveralBadWords_ReportsEvery()
    {
        var result = ChecksSettingArguments.Parse(["wait=0", "timeout=x", "foo=1"]);

        Assert.Equal(3, result.Errors.Count);
    }

    [Fact]
    public void Parse_Nothing_AsksForASetting()
    {
        var result = ChecksSettingArguments.Parse([]);

        Assert.StartsWith("no setting was given", Assert.Single(result.Errors), StringComparison.Ordinal);
    }
}
