using Berth.Cli.Arguments;

namespace Berth.Cli.Tests.Arguments;

public sealed class MemoryAmountTests
{
    [Theory]
    [InlineData("256m", 256)]
    [InlineData("256M", 256)]
    [InlineData("1g", 1024)]
    [InlineData("2G", 2048)]
    [InlineData("6144k", 6)]
    [InlineData("524288K", 512)]
    [InlineData("1024g", 1024 * 1024)]
    [InlineData("0", 0)]
    [InlineData("0m", 0)]
    [InlineData("0g", 0)]
    [InlineData("0256m", 256)]
    public void Parse_Amount_ReturnsMegabytes(string text, long megabytes)
    {
        var result = MemoryAmount.Parse(text);

        Assert.True(result.IsValid, string.Join(' ', result.Errors));
        Assert.Equal(megabytes, result.Value);
    }

    [Theory]
    [InlineData("256")]
    [InlineData("")]
    [InlineData("m")]
    [InlineData("256mb")]
    [InlineData("256t")]
    [InlineData("-1m")]
    [InlineData("1.5g")]
    [InlineData(" 256m")]
    public void Parse_NotAnAmount_SaysHowToWriteOne(string text)
    {
        var result = MemoryAmount.Parse(text);

        Assert.Equal(
            [
                $"'{text}' is not a memory amount; give a whole number with a unit k, m or g, " +
                "e.g. 256m or 1g, or 0 to remove the reservation.",
            ],
            result.Errors);
    }

    [Theory]
    [InlineData("512k", "memory '512k' is not a whole number of MiB; give it in m or g, e.g. 256m.")]
    [InlineData(
        "5m",
        "memory '5m' is below Docker's minimum of 6m; give at least 6m, or 0 to remove the reservation.")]
    [InlineData("1025g", "memory '1025g' is more than 1 TiB; give a smaller amount.")]
    [InlineData(
        "99999999999999999999999m",
        "memory '99999999999999999999999m' is more than 1 TiB; give a smaller amount.")]
    public void Parse_OutOfRange_SaysWhy(string text, string error)
    {
        var result = MemoryAmount.Parse(text);

        Assert.Equal([error], result.Errors);
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(256, "256m")]
    [InlineData(2048, "2048m")]
    public void Format_Megabytes_IsWhatTheControlPlaneReads(long megabytes, string text) =>
        Assert.Equal(text, MemoryAmount.Format(megabytes));
}
