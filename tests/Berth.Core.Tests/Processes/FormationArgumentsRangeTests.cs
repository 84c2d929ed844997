using Berth.Core.Processes;

namespace Berth.Core.Tests.Processes;

/// <summary>Counts too large for any formation are reported as out of range, not as malformed.</summary>
public sealed class FormationArgumentsRangeTests
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
