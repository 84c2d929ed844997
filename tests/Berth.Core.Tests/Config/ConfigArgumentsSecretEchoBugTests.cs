using Berth.Core.Config;

namespace Berth.Core.Tests.Config;

/// <summary>
/// Known bug in ConfigArguments.ParsePairs: the error for a bad key repeats the whole
/// argument, so the config value (a secret) ends up in error text that reaches the CLI and
/// the control plane's logs. These tests fail until the error names only the key.
/// </summary>
public sealed class ConfigArgumentsSecretEchoBugTests
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
