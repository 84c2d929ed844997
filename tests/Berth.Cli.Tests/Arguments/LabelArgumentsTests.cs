using Berth.Core.Nodes;
using Berth.Cli.Arguments;

namespace Berth.Cli.Tests.Arguments;

public sealed class LabelArgumentsTests
{
    [Fact]
    public void ParsePairs_Pairs_ReturnsSortedLabels()
    {
        var result = LabelArguments.ParsePairs(["zone=eu-1", "disk=ssd"]);

        Assert.True(result.IsValid);
        Assert.Equal(["disk", "zone"], result.Value!.Keys);
        Assert.Equal("eu-1", result.Value["zone"]);
    }

    [Fact]
    public void ParsePairs_None_IsEmptyAndValid()
    {
        var result = LabelArguments.ParsePairs([]);

        Assert.True(result.IsValid);
        Assert.Empty(result.Value!);
    }

    [Fact]
    public void ParsePairs_EveryBadPair_ReportsEach()
    {
        var result = LabelArguments.ParsePairs(["zone", "-x=a", "disk=", "ok=1", "ok=2"]);

        Assert.Equal(
        [
            "'zone' is not of the form key=value; write it as, e.g., zone=<value>.",
            $"'-x' is not a valid label key: {NodeLabel.Rule}.",
            $"'' is not a valid value for the label 'disk': {NodeLabel.Rule}.",
            "the label key 'ok' is given more than once; give each key once.",
        ],
            result.Errors);
    }

    [Fact]
    public void ParsePairs_ValueWithEquals_IsInvalidValue()
    {
        var result = LabelArguments.ParsePairs(["zone=a=b"]);

        Assert.Equal([$"'a=b' is not a valid value for the label 'zone': {NodeLabel.Rule}."], result.Errors);
    }

    [Fact]
    public void ParseChanges_SetAndRemove_SplitsThem()
    {
        var result = LabelArguments.ParseChanges(["zone=a", "disk-", "gpu=yes", "old-"]);

        Assert.True(result.IsValid);
        Assert.Equal(new Dictionary<string, string> { ["gpu"] = "yes", ["zone"] = "a" }, result.Value!.Set);
        Assert.Equal(["disk", "old"], result.Value.Remove);
    }

    [Fact]
    public void ParseChanges_KeyWithDashInside_RemovesWholeKey()
    {
        var result = LabelArguments.ParseChanges(["eu-zone-"]);

        Assert.Equal(["eu-zone"], result.Value!.Remove);
    }

    [Theory]
    [InlineData("zone=a", "zone-")]
    [InlineData("zone-", "zone=a")]
    [InlineData("zone-", "zone-")]
    [InlineData("zone=a", "zone=b")]
    public void ParseChanges_SameKeyTwice_IsAnError(string first, string second)
    {
        var result = LabelArguments.ParseChanges([first, second]);

        Assert.Equal(["the label key 'zone' is given more than once; give each key once."], result.Errors);
    }

    [Fact]
    public void ParseChanges_EveryBadWord_ReportsEach()
    {
        var result = LabelArguments.ParseChanges(["zone", "-", "bad key=x", "ok=1"]);

        Assert.Equal(
        [
            "'zone' is neither key=value (to set a label) nor key- (to remove one).",
            $"'' is not a valid label key: {NodeLabel.Rule}.",
            $"'bad key' is not a valid label key: {NodeLabel.Rule}.",
        ],
            result.Errors);
    }

    [Fact]
    public void ParseChanges_Nothing_AsksForOne()
    {
        var result = LabelArguments.ParseChanges([]);

        Assert.Equal(["no label was given; pass key=value to set one or key- to remove one."], result.Errors);
    }
}
