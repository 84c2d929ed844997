using Berth.Contracts;
using Berth.ControlPlane.Api;
using Berth.ControlPlane.Store;

namespace Berth.ControlPlane.Tests.Api;

public sealed class ProcessOptionsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(120)]
    [InlineData(3600)]
    public void Apply_StopTimeoutInRange_SetsIt(int seconds)
    {
        var request = new SetProcessOptionsRequest { StopTimeoutSeconds = seconds };

        var (settings, errors) = ProcessOptions.Apply(Web, request);

        Assert.Empty(errors);
        Assert.Equal(seconds, settings.StopTimeoutSeconds);
    }

    [Fact]
    public void Apply_StopTimeoutZero_LeavesIt()
    {
        var (settings, errors) = ProcessOptions.Apply(
            Web with { StopTimeoutSeconds = 45 },
            new SetProcessOptionsRequest { MaxParallel = 2 });

        Assert.Empty(errors);
        Assert.Equal((45, 2), (settings.StopTimeoutSeconds, settings.MaxParallel));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3601)]
    public void Apply_StopTimeoutOutOfRange_SaysTheRange(int seconds)
    {
        var request = new SetProcessOptionsRequest { StopTimeoutSeconds = seconds };

        var (settings, errors) = ProcessOptions.Apply(Web, request);

        Assert.Equal(
            $"stop-timeout {seconds} is out of range: give whole seconds from 1 to 3600.",
            Assert.Single(errors));
        Assert.Equal(ProcessSettings.DefaultStopTimeoutSeconds, settings.StopTimeoutSeconds);
    }

    private static ProcessSettings Web => ProcessSettings.Default("web", 1);
}
