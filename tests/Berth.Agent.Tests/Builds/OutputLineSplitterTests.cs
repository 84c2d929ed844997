using System.Text;
using Berth.Agent.Builds;

namespace Berth.Agent.Tests.Builds;

public sealed class OutputLineSplitterTests
{
    [Fact]
    public void Append_LineSplitAcrossPieces_IsGivenOnceComplete()
    {
        var splitter = new OutputLineSplitter();

        Assert.Empty(splitter.Append("migrat"u8));
        Assert.Equal(["migrating 1", "migrating 2"], splitter.Append("ing 1\r\nmigrating 2\nthen"u8));
        Assert.Equal(["then"], splitter.Finish());
        Assert.Empty(splitter.Finish());
    }

    [Fact]
    public void Append_CharacterSplitAcrossPieces_StaysIntact()
    {
        var bytes = Encoding.UTF8.GetBytes("größe\n");
        var splitter = new OutputLineSplitter();

        var first = splitter.Append(bytes.AsSpan(0, 3));
        var second = splitter.Append(bytes.AsSpan(3));

        Assert.Empty(first);
        Assert.Equal(["größe"], second);
    }

    [Fact]
    public void Append_EmptyLine_IsKept()
    {
        Assert.Equal(["a", "", "b"], new OutputLineSplitter().Append("a\n\nb\n"u8));
    }
}
