using Berth.Core.AppJson;
using Berth.Core.Processes;

namespace Berth.Core.Tests.AppJson;

public sealed class AppJsonFormationTests
{
    [Fact]
    public void Parse_Formation_ReadsEveryEntry()
    {
        const string Json = """
            { "formation": {
                "web": { "quantity": 2, "max_parallel": 1 },
                "worker": { "quantity": 0 },
                "clock-1_x": { "max_parallel": 3 },
                "empty": {}
            } }
            """;

        var result = AppJsonParser.Parse(Json);

        Assert.True(result.IsValid, string.Join(" ", result.Errors));
        Assert.Equal(
            new Dictionary<string, FormationEntry>
            {
                ["web"] = new(2, 1),
                ["worker"] = new(0, null),
                ["clock-1_x"] = new(null, 3),
                ["empty"] = new(null, null),
            },
            result.Value!.Formation);
    }

    [Theory]
    [InlineData("{ \"formation\": null }")]
    [InlineData("{ \"formation\": {} }")]
    [InlineData("{ \"formation\": { \"web\": null } }")]
    public void Parse_NullOrEmptyFormation_GivesNoEntry(string json)
    {
        var result = AppJsonParser.Parse(json);

        Assert.True(result.IsValid);
        Assert.Empty(result.Value!.Formation);
    }

    [Fact]
    public void Parse_NullQuantityAndMaxParallel_CountAsAbsent()
    {
        const string Json = """
            { "formation": { "web": { "quantity": null, "max_parallel": null } } }
            """;

        var result = AppJsonParser.Parse(Json);

        Assert.Equal(new FormationEntry(null, null), result.Value!.Formation["web"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_000)]
    public void Parse_QuantityAtTheBounds_IsAccepted(int quantity)
    {
        var result = AppJsonParser.Parse($"{{ \"formation\": {{ \"web\": {{ \"quantity\": {quantity} }} }} }}");

        Assert.Equal(quantity, result.Value!.Formation["web"].Quantity);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10_000)]
    public void Parse_MaxParallelAtTheBounds_IsAccepted(int maxParallel)
    {
        var result = AppJsonParser.Parse($"{{ \"formation\": {{ \"web\": {{ \"max_parallel\": {maxParallel} }} }} }}");

        Assert.Equal(maxParallel, result.Value!.Formation["web"].MaxParallel);
    }

    [Theory]
    [InlineData("-1", "-1")]
    [InlineData("10001", "10001")]
    [InlineData("1.5", "1.5")]
    [InlineData("2.0", "2.0")]
    [InlineData("1e2", "1e2")]
    [InlineData("99999999999", "99999999999")]
    [InlineData("\"2\"", "a string")]
    [InlineData("true", "true")]
    [InlineData("[1]", "an array")]
    [InlineData("{}", "an object")]
    public void Parse_BadQuantity_FailsNamingThePathAndTheRange(string value, string found)
    {
        var result = AppJsonParser.Parse($"{{ \"formation\": {{ \"worker\": {{ \"quantity\": {value} }} }} }}");

        Assert.Equal(
            [$"app.json formation.worker.quantity must be a whole number from 0 to 10000; it is {found}."],
            result.Errors);
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("-3", "-3")]
    [InlineData("10001", "10001")]
    [InlineData("\"all\"", "a string")]
    public void Parse_BadMaxParallel_FailsNamingThePathAndTheRange(string value, string found)
    {
        var result = AppJsonParser.Parse($"{{ \"formation\": {{ \"web\": {{ \"max_parallel\": {value} }} }} }}");

        Assert.Equal(
            [$"app.json formation.web.max_parallel must be a whole number from 1 to 10000; it is {found}."],
            result.Errors);
    }

    [Theory]
    [InlineData("[]", "an array")]
    [InlineData("\"web=2\"", "a string")]
    [InlineData("3", "3")]
    public void Parse_FormationNotAnObject_FailsWithAnExample(string value, string found)
    {
        var result = AppJsonParser.Parse($"{{ \"formation\": {value} }}");

        Assert.Equal(
            [$"app.json formation must be an object, e.g. {{ \"web\": {{ \"quantity\": 1 }} }}; it is {found}."],
            result.Errors);
    }

    [Theory]
    [InlineData("2", "2")]
    [InlineData("[{\"quantity\": 1}]", "an array")]
    public void Parse_EntryNotAnObject_FailsWithAnExample(string value, string found)
    {
        var result = AppJsonParser.Parse($"{{ \"formation\": {{ \"web\": {value} }} }}");

        Assert.Equal(
            [$"app.json formation.web must be an object, e.g. {{ \"quantity\": 1 }}; it is {found}."],
            result.Errors);
    }

    [Theory]
    [InlineData("we b")]
    [InlineData("web.1")]
    [InlineData("")]
    [InlineData("wéb")]
    public void Parse_BadProcessType_FailsNamingTheKeyAndTheRule(string type)
    {
        var result = AppJsonParser.Parse($"{{ \"formation\": {{ \"{type}\": {{ \"quantity\": 1 }} }} }}");

        Assert.Equal(
            [
                $"app.json formation has the key '{type}', which is not a valid process type: {ProcessType.Rule}; "
                + "use a process type from the Procfile.",
            ],
            result.Errors);
    }

    [Fact]
    public void Parse_ProcessTypeOfSixtyFourCharacters_Fails()
    {
        var type = new string('w', 64);

        var result = AppJsonParser.Parse($"{{ \"formation\": {{ \"{type}\": {{}} }} }}");

        Assert.False(result.IsValid);
    }

    [Fact]
    public void Parse_TypeGivenTwice_Fails()
    {
        const string Json = """
            { "formation": { "web": { "quantity": 1 }, "web": { "quantity": 2 } } }
            """;

        var result = AppJsonParser.Parse(Json);

        Assert.Equal(["app.json formation.web is given twice; keep one."], result.Errors);
    }

    [Fact]
    public void Parse_SeveralBadValues_ReportsEveryOne()
    {
        const string Json = """
            { "formation": {
                "web": { "quantity": -1, "max_parallel": 0 },
                "bad type": {},
                "worker": "two"
            } }
            """;

        var result = AppJsonParser.Parse(Json);

        Assert.Null(result.Value);
        Assert.Equal(
            [
                "app.json formation.web.quantity must be a whole number from 0 to 10000; it is -1.",
                "app.json formation.web.max_parallel must be a whole number from 1 to 10000; it is 0.",
                "app.json formation has the key 'bad type', which is not a valid process type: "
                + $"{ProcessType.Rule}; use a process type from the Procfile.",
                "app.json formation.worker must be an object, e.g. { \"quantity\": 1 }; it is a string.",
            ],
            result.Errors);
    }
}
