using Berth.Core.Config;

namespace Berth.Core.Tests.Config;

/// <summary>Errors about config arguments never repeat a value, which may be a secret.</summary>
public sealed class ConfigArgumentsSecretTests
{
    [Fact]
    public void ParsePairs_BadKey_ErrorDoesNotEchoTheValue()
    {
        var result = ConfigArguments.ParsePairs(["1PASSWORD=hunter2-secret"]);

        var error = Assert.Single(result.Errors);
        Assert.Contains("'1PASSWORD'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", error, StringComparison.Ordinal);
    }
}
