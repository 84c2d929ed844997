using Berth.Agent.Builds;

namespace Berth.Agent.Tests.Builds;

public sealed class BuildOutputTests
{
    [Fact]
    public void Lines_ChunkWithTrailingNewline_ReturnsItsLines()
    {
        var lines = BuildOutput.Lines("Step 1/2 : FROM base\n ---> 0438740782\n");

        Assert.Equal(["Step 1/2 : FROM base", " ---> 0438740782"], lines);
    }

    [Fact]
    public void Lines_EmptyLinesAndCarriageReturns_AreDropped()
    {
        Assert.Equal(["a", "b"], BuildOutput.Lines("a\r\n\n\nb\r\n"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\n")]
    public void Lines_NothingToShow_ReturnsNoLine(string? stream)
    {
        Assert.Empty(BuildOutput.Lines(stream));
    }
}
