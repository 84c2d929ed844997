using Berth.Core.AppJson;

namespace Berth.Core.Tests.AppJson;

public sealed class AppJsonParserTests
{
    [Fact]
    public void Parse_EmptyObject_GivesAnEmptyManifest()
    {
        var result = AppJsonParser.Parse("{}");

        Assert.True(result.IsValid);
        Assert.Empty(result.Value!.Formation);
    }

    [Fact]
    public void Empty_HasNoFormation()
    {
        Assert.Empty(AppManifest.Empty.Formation);
    }

    [Fact]
    public void Parse_UnknownKeysCommentsAndTrailingCommas_AreTolerated()
    {
        const string Json = """
            {
              // Heroku's keys Berth does not read
              "name": "my app",
              "env": { "SECRET": { "required": true } },
              "buildpacks": [ { "url": "heroku/ruby" }, ],
              /* the part Berth reads */
              "formation": {
                "web": { "quantity": 2, "size": "standard-1x", },
              },
            }
            """;

        var result = AppJsonParser.Parse(Json);

        Assert.True(result.IsValid, string.Join(" ", result.Errors));
        Assert.Equal(new FormationEntry(2, null), result.Value!.Formation["web"]);
    }

    [Fact]
    public void Parse_ByteOrderMarkAndSurroundingWhitespace_AreTolerated()
    {
        var result = AppJsonParser.Parse("\uFEFF\n  {\"formation\": {}}\n");

        Assert.True(result.IsValid, string.Join(" ", result.Errors));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    public void Parse_EmptyText_FailsSayingWhatToWrite(string json)
    {
        var result = AppJsonParser.Parse(json);

        Assert.Equal(["app.json is empty; write {} in it, or delete it."], result.Errors);
    }

    [Fact]
    public void Parse_InvalidJson_FailsNamingTheLineAndByte()
    {
        const string Json = """
            {
              "formation": {
                "web": { "quantity": 1 }
                "worker": {}
              }
            }
            """;

        var result = AppJsonParser.Parse(Json);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("app.json is not valid JSON at line 4, byte 5: ", error, StringComparison.Ordinal);
        Assert.EndsWith("; fix the syntax there.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{\"formation\": }")]
    [InlineData("{} {}")]
    [InlineData("{'formation': {}}")]
    [InlineData("nonsense")]
    public void Parse_BrokenSyntax_FailsAsInvalidJson(string json)
    {
        var result = AppJsonParser.Parse(json);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("app.json is not valid JSON at line 1, byte ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "an array")]
    [InlineData("1", "1")]
    [InlineData("\"formation\"", "a string")]
    [InlineData("null", "null")]
    [InlineData("true", "true")]
    public void Parse_RootNotAnObject_FailsSayingWhatItHolds(string json, string holds)
    {
        var result = AppJsonParser.Parse(json);

        Assert.Equal(
            [$"app.json must hold one JSON object, e.g. {{ \"formation\": {{}} }}; it holds {holds}."],
            result.Errors);
    }
}
