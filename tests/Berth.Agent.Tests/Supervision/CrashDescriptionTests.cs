using Berth.Agent.Supervision;

namespace Berth.Agent.Tests.Supervision;

public sealed class CrashDescriptionTests
{
    [Fact]
    public void Describe_WaitingCrash_NamesExitCodeAndWait()
    {
        var record = RestartRecord.New("id") with { ExitCode = 3, Delay = TimeSpan.FromSeconds(4) };

        Assert.Equal("exited with code 3; restarting in 4 s", CrashDescription.Describe(record));
    }

    [Fact]
    public void Describe_OutOfMemory_SaysSo()
    {
        var record = RestartRecord.New("id") with
        {
            ExitCode = 137,
            OutOfMemory = true,
            Delay = TimeSpan.FromMinutes(5),
        };

        Assert.Equal("exited with code 137 (out of memory); restarting in 5 min", CrashDescription.Describe(record));
    }

    [Fact]
    public void Describe_FailedStart_NamesTheErrorAndTheNextTry()
    {
        var record = RestartRecord.New("id") with
        {
            ExitCode = 1,
            Delay = TimeSpan.FromSeconds(8),
            StartError = "no such image",
        };

        Assert.Equal(
            "exited with code 1; starting it again failed (no such image); next try in 8 s",
            CrashDescription.Describe(record));
    }

    [Theory]
    [InlineData(1, "1 s")]
    [InlineData(59, "59 s")]
    [InlineData(60, "1 min")]
    [InlineData(128, "2 min 8 s")]
    [InlineData(300, "5 min")]
    public void Duration_Seconds_ReadsAsPeopleWriteIt(int seconds, string expected)
    {
        Assert.Equal(expected, CrashDescription.Duration(TimeSpan.FromSeconds(seconds)));
    }
}
