using Berth.Core.AppJson;

namespace Berth.Core.Tests.AppJson;

public sealed class AppJsonScriptsTests
{
    [Fact]
    public void Parse_DokkuScripts_ReadsBoth()
    {
        const string Json = """
            { "scripts": { "dokku": {
                "predeploy": "./manage.py migrate --noinput",
                "postdeploy": " curl -fsS $NOTIFY_URL "
            } } }
            """;

        var result = AppJsonParser.Parse(Json);

        Assert.True(result.IsValid, string.Join(" ", result.Errors));
        Assert.Equal(new AppScripts("./manage.py migrate --noinput", "curl -fsS $NOTIFY_URL"), result.Value!.Scripts);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{ \"scripts\": null }")]
    [InlineData("{ \"scripts\": {} }")]
    [InlineData("{ \"scripts\": { \"postdeploy\": \"heroku review app\" } }")]
    [InlineData("{ \"scripts\": { \"dokku\": { \"predeploy\": \"  \", \"postdeploy\": null } } }")]
    public void Parse_NoDokkuScript_GivesNone(string json)
    {
        var result = AppJsonParser.Parse(json);

        Assert.True(result.IsValid, string.Join(" ", result.Errors));
        Assert.Equal(AppScripts.None, result.Value!.Scripts);
    }

    [Theory]
    [InlineData("{ \"scripts\": [] }", "app.json scripts must be an object")]
    [InlineData("{ \"scripts\": { \"dokku\": \"./migrate\" } }", "app.json scripts.dokku must be an object")]
    [InlineData("{ \"scripts\": { \"dokku\": { \"predeploy\": 1 } } }",
        "app.json scripts.dokku.predeploy must be a string; it is 1.")]
    [InlineData("{ \"scripts\": { \"dokku\": { \"postdeploy\": [\"a\"] } } }",
        "app.json scripts.dokku.postdeploy must be a string; it is an array.")]
    public void Parse_WrongType_FailsNamingThePath(string json, string expected)
    {
        var result = AppJsonParser.Parse(json);

        Assert.False(result.IsValid);
        Assert.StartsWith(expected, result.Errors.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BothScriptsWrong_ReportsBoth()
    {
        var result = AppJsonParser.Parse("{ \"scripts\": { \"dokku\": { \"predeploy\": true, \"postdeploy\": 2 } } }");

        Assert.Equal(2, result.Errors.Count);
    }
}
