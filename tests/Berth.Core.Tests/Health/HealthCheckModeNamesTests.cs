using Berth.Core.Health;

namespace Berth.Core.Tests.Health;

public sealed class HealthCheckModeNamesTests
{
    [Theory]
    [InlineData(HealthCheckMode.Enabled, "enabled")]
    [InlineData(HealthCheckMode.Skipped, "skipped")]
    [InlineData(HealthCheckMode.Disabled, "disabled")]
    public void FormatAndTryParse_EveryMode_RoundTrip(HealthCheckMode mode, string word)
    {
        Assert.Equal(word, HealthCheckModeNames.Format(mode));
        Assert.True(HealthCheckModeNames.TryParse(word, out var parsed));
        Assert.Equal(mode, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Enabled")]
    [InlineData("skip")]
    [InlineData("disable")]
    [InlineData(" enabled")]
    public void TryParse_OtherWord_IsRefused(string word)
    {
        Assert.False(HealthCheckModeNames.TryParse(word, out _));
    }

    [Fact]
    public void All_ListsEveryMode()
    {
        Assert.Equal(Enum.GetValues<HealthCheckMode>().Select(HealthCheckModeNames.Format), HealthCheckModeNames.All);
    }
}
