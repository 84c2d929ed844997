using Berth.Cli.Arguments;

namespace Berth.Cli.Tests.Arguments;

public sealed class ProcessSettingArgumentsTests
{
    [Fact]
    public void Parse_Constraint_ReturnsLabels()
    {
        var result = ProcessSettingArguments.Parse(["constraint", "zone=a", "disk=ssd"]);

        Assert.Equal(new Dictionary<string, string> { ["disk"] = "ssd", ["zone"] = "a" }, result.Value!.Constraints);
        Assert.Null(result.Value.MemoryMb);
        Assert.Null(result.Value.MaxParallel);
    }

    [Fact]
    public void Parse_ConstraintAlone_ClearsThem()
    {
        var result = ProcessSettingArguments.Parse(["constraint"]);

        Assert.NotNull(result.Value!.Constraints);
        Assert.Empty(result.Value.Constraints);
    }

    [Theory]
    [InlineData("memory=256m")]
    [InlineData("memory", "256m")]
    [InlineData("memory=256M")]
    public void Parse_Memory_EitherForm_ReturnsMegabytes(params string[] words)
    {
        var result = ProcessSettingArguments.Parse(words);

        Assert.Equal(new ProcessSetting(MemoryMb: 256), result.Value);
    }

    [Fact]
    public void Parse_MemoryZero_RemovesTheReservation() =>
        Assert.Equal(new ProcessSetting(MemoryMb: 0), ProcessSettingArguments.Parse(["memory=0"]).Value);

    [Theory]
    [InlineData("max-parallel=3")]
    [InlineData("max-parallel", "3")]
    public void Parse_MaxParallel_EitherForm_ReturnsCount(params string[] words) =>
        Assert.Equal(new ProcessSetting(MaxParallel: 3), ProcessSettingArguments.Parse(words).Value);

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("two")]
    [InlineData("10001")]
    [InlineData("")]
    public void Parse_BadMaxParallel_SaysTheRange(string value)
    {
        var result = ProcessSettingArguments.Parse([$"max-parallel={value}"]);

        Assert.Equal(
            [$"max-parallel '{value}' is not a whole number from 1 to 10000; give e.g. max-parallel=2."],
            result.Errors);
    }

    [Theory]
    [InlineData("memory needs a value, e.g. memory=256m.", "memory")]
    [InlineData("max-parallel needs a value, e.g. max-parallel=2.", "max-parallel")]
    [InlineData(
        "ps:set changes one setting at a time; 'max-parallel=2' is one word too many after memory.",
        "memory=256m",
        "max-parallel=2")]
    [InlineData("ps:set changes one setting at a time; 'x' is one word too many after memory.", "memory", "1g", "x")]
    [InlineData(
        "'cpu' is not a setting of ps:set; give constraint KEY=VALUE ..., memory=SIZE, max-parallel=N or " +
        "stop-timeout=SECONDS.",
        "cpu=2")]
    [InlineData(
        "'constraints' is not a setting of ps:set; give constraint KEY=VALUE ..., memory=SIZE, max-parallel=N or " +
        "stop-timeout=SECONDS.",
        "constraints",
        "zone=a")]
    [InlineData("write the constraints after a space, e.g. constraint zone=a.", "constraint=zone=a")]
    public void Parse_BadShape_SaysWhatToWrite(string error, params string[] words) =>
        Assert.Equal([error], ProcessSettingArguments.Parse(words).Errors);

    [Fact]
    public void Parse_BadConstraints_ReportsEach()
    {
        var result = ProcessSettingArguments.Parse(["constraint", "zone", "disk=s s"]);

        Assert.Equal(2, result.Errors.Count);
    }
}
