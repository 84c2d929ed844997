using Berth.Core.Apps;

namespace Berth.Core.Tests.Apps;

public sealed class AppNameTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("myapp")]
    [InlineData("my-app")]
    [InlineData("my--app")]
    [InlineData("app2")]
    [InlineData("a1-b2-c3")]
    public void Validate_ValidName_ReturnsName(string name)
    {
        var result = AppName.Validate(name);

        Assert.True(result.IsValid);
        Assert.Equal(name, result.Value);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Validate_SixtyThreeCharacters_IsValid()
    {
        var name = "a" + new string('b', AppName.MaxLength - 1);

        Assert.True(AppName.Validate(name).IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Validate_Empty_FailsSayingEmpty(string? name)
    {
        var result = AppName.Validate(name);

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Contains("empty", error, StringComparison.Ordinal);
        Assert.Contains(AppName.Rule, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MyApp", "lower-case letters")]
    [InlineData("myApp", "lower-case letters")]
    [InlineData("1app", "starts with a lower-case letter")]
    [InlineData("-app", "starts with a lower-case letter")]
    [InlineData("app-", "does not end with a hyphen")]
    [InlineData("my_app", "only lower-case letters, digits and hyphens")]
    [InlineData("my:app", "only lower-case letters, digits and hyphens")]
    [InlineData("my.app", "only lower-case letters, digits and hyphens")]
    [InlineData("my app", "only lower-case letters, digits and hyphens")]
    [InlineData(" app", "starts with a lower-case letter")]
    public void Validate_RuleBroken_FailsNamingTheNameAndTheRule(string name, string rule)
    {
        var result = AppName.Validate(name);

        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        var error = Assert.Single(result.Errors);
        Assert.Contains($"'{name}'", error, StringComparison.Ordinal);
        Assert.Contains(rule, error, StringComparison.Ordinal);
        Assert.Contains(AppName.Rule, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SixtyFourCharacters_FailsNamingTheLengthRule()
    {
        var name = "a" + new string('b', AppName.MaxLength);

        var result = AppName.Validate(name);

        Assert.False(result.IsValid);
        Assert.Contains("at most 63 characters", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("myapp", true)]
    [InlineData("", false)]
    [InlineData("MYAPP", false)]
    [InlineData("app-", false)]
    public void IsValid_Name_MatchesValidate(string name, bool expected)
    {
        Assert.Equal(expected, AppName.IsValid(name));
        Assert.Equal(expected, AppName.Validate(name).IsValid);
    }
}
