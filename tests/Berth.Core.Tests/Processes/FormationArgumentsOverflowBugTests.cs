using Berth.Core.Processes;

namespace Berth.Core.Tests.Processes;

/// <summary>
/// Known bug in FormationArguments: a count made of digits that does not fit in an int is
/// reported as "not a whole number" instead of "out of range", which misleads the user.
/// These tests fail until an all-digit count that fails to parse is reported as out of range.
/// </summary>
public sealed class FormationArgumentsOverflowBugTests
{
    [Theory]
    [InlineData("web=2147483648")]
    [InlineData("web=99999999999999999999")]
    public void Parse_CountBeyondInt_FailsSayingOutOfRange(string argument)
    {
        var result = FormationArguments.Parse([argument]);

        var error = Assert.Single(result.Errors);
        Assert.Contains("out of range", error, StringComparison.Ordinal);
        Assert.DoesNotContain("not a whole number", error, StringComparison.Ordinal);
    }
}
