using Berth.Cli.Commands;

namespace Berth.Cli.Tests.Commands;

public sealed class ReleaseVersionTests
{
    [Theory]
    [InlineData("v3", 3)]
    [InlineData("3", 3)]
    [InlineData("V12", 12)]
    [InlineData("v007", 7)]
    public void Parse_VersionWithOrWithoutV_ReturnsTheNumber(string text, int expected)
    {
        var result = ReleaseVersion.Parse(text);

        Assert.True(result.IsValid);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("v")]
    [InlineData("three")]
    [InlineData("v-1")]
    [InlineData("-1")]
    [InlineData("v3.1")]
    [InlineData(" 3")]
    [InlineData("vv3")]
    public void Parse_NotAVersion_SaysHowToWriteOne(string text)
    {
        var result = ReleaseVersion.Parse(text);

        Assert.Equal([$"'{text}' is not a release version: write it as v3 or 3."], result.Errors);
    }

    [Theory]
    [InlineData("v0")]
    [InlineData("0")]
    [InlineData("v99999999999")]
    public void Parse_ZeroOrTooLarge_SaysReleasesStartAtV1(string text)
    {
        var result = ReleaseVersion.Parse(text);

        Assert.False(result.IsValid);
        Assert.Contains("releases are numbered from v1", result.Errors.Single(), StringComparison.Ordinal);
    }
}
