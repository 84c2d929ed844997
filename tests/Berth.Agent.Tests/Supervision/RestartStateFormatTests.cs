using System.Text.Json;
using Berth.Agent.Supervision;

namespace Berth.Agent.Tests.Supervision;

public sealed class RestartStateFormatTests
{
    [Fact]
    public void WriteThenRead_Records_AreKeptWhole()
    {
        var exited = new DateTimeOffset(2025, 5, 1, 12, 0, 1, TimeSpan.Zero);
        var records = new[]
        {
            new RestartRecord("b", 7, 3, exited, 3, true, TimeSpan.FromSeconds(4), exited.AddSeconds(4), ""),
            RestartRecord.New("a") with { Restarts = 1 },
        };

        var read = RestartStateFormat.Read(RestartStateFormat.Write(records));

        Assert.Equal([records[1], records[0]], read);
    }

    [Fact]
    public void Write_SameRecordsInAnyOrder_GivesTheSameText()
    {
        var a = RestartRecord.New("a");
        var b = RestartRecord.New("b");

        Assert.Equal(RestartStateFormat.Write([a, b]), RestartStateFormat.Write([b, a]));
    }

    [Fact]
    public void Read_EntryWithoutContainerId_IsSkipped()
    {
        Assert.Empty(RestartStateFormat.Read("""[{"restarts": 2}]"""));
    }

    [Fact]
    public void Read_NotAList_Throws()
    {
        Assert.ThrowsAny<JsonException>(() => RestartStateFormat.Read("{\"restarts\": 2}"));
    }
}
