using Berth.Cli.Commands;

namespace Berth.Cli.Tests.Commands;

public sealed class FormattingTests
{
    [Theory]
    [InlineData(0, "0s")]
    [InlineData(59, "59s")]
    [InlineData(60, "1m")]
    [InlineData(3599, "59m")]
    [InlineData(3600, "1h")]
    [InlineData(86_399, "23h")]
    [InlineData(86_400, "1d")]
    [InlineData(40 * 86_400, "40d")]
    [InlineData(-5, "0s")]
    public void Duration_Seconds_UsesLargestWholeUnit(int seconds, string text) =>
        Assert.Equal(text, Formatting.Duration(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Labels_SortedByKey_JoinedByCommas() =>
        Assert.Equal(
            "disk=ssd,zone=a",
            Formatting.Labels(new Dictionary<string, string> { ["zone"] = "a", ["disk"] = "ssd" }));

    [Fact]
    public void Labels_None_SaysNone() => Assert.Equal("none", Formatting.Labels([]));

    [Theory]
    [InlineData(0, "none")]
    [InlineData(256, "256 MB")]
    public void Memory_Megabytes_ShowsUnitOrNone(long megabytes, string text) =>
        Assert.Equal(text, Formatting.Memory(megabytes));
}
