using Berth.Core.Validation;

namespace Berth.Core.Tests.Validation;

public sealed class ValidationResultTests
{
    [Fact]
    public void Ok_Value_IsValidWithoutErrors()
    {
        var result = ValidationResult<string>.Ok("x");

        Assert.True(result.IsValid);
        Assert.Equal("x", result.Value);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Fail_Errors_IsInvalidWithoutValue()
    {
        var result = ValidationResult<string>.Fail(["one", "two"]);

        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.Equal(["one", "two"], result.Errors);
    }
}
