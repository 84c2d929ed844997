using Berth.Agent.Docker;

namespace Berth.Agent.Tests.Docker;

public sealed class DockerTimestampTests
{
    [Fact]
    public void Parse_NanosecondTime_IsReadInUtcRoundedTo100Nanoseconds()
    {
        var time = DockerTimestamp.Parse("2025-05-01T12:00:03.123456789Z");

        Assert.Equal(new DateTimeOffset(2025, 5, 1, 12, 0, 3, TimeSpan.Zero).AddTicks(1234568), time);
        Assert.Equal(TimeSpan.Zero, time!.Value.Offset);
    }

    [Fact]
    public void Parse_TimeWithOffset_IsTurnedToUtc()
    {
        Assert.Equal(
            new DateTimeOffset(2025, 5, 1, 10, 0, 0, TimeSpan.Zero),
            DockerTimestamp.Parse("2025-05-01T12:00:00+02:00"));
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("yesterday")]
    public void Parse_ZeroEmptyOrUnreadable_IsNull(string? text)
    {
        Assert.Null(DockerTimestamp.Parse(text));
    }

    [Fact]
    public void Format_Time_IsIso8601Utc()
    {
        var time = new DateTimeOffset(2025, 5, 1, 14, 0, 0, TimeSpan.FromHours(2));

        Assert.Equal("2025-05-01T12:00:00.0000000+00:00", DockerTimestamp.Format(time));
    }
}
