using Berth.Core.AppJson;
using CsCheck;

namespace Berth.Core.Tests.AppJson;

public sealed class AppJsonHealthCheckPropertyTests
{
    private const int Iterations = 2_000;

    private static readonly string[] Keys =
    [
        "type", "name", "path", "content", "scheme", "httpHeaders", "command", "uptime", "listening", "port",
        "attempts", "timeout", "wait", "initialDelay", "warn",
    ];

    private static readonly string[] Values =
    [
        "null", "true", "false", "0", "1", "5", "-1", "601", "70000", "1.5", "\"\"", "\"/\"", "\"/a b\"",
        "\"x\"", "\"https\"", "\"startup\"", "\"'open\"", "[]", "[\"x\"]", "[1]", "[{}]",
        "[{\"name\": \"Host\", \"value\": \"x\"}]", "{}",
    ];

    private static readonly Gen<string> Property =
        Gen.Select(Gen.Int[0, Keys.Length - 1], Gen.Int[0, Values.Length - 1])
            .Select((key, value) => $"\"{Keys[key]}\": {Values[value]}");

    private static readonly Gen<string> Check =
        Property.Array[0, 6].Select(properties => $"{{ {string.Join(", ", properties)} }}");

    private static readonly Gen<string> Type = Gen.Bool.Select(web => web ? "web" : "worker");

    [Fact]
    public void Parse_AnyCheck_GivesOneCheckOrErrorsThatNameIt()
    {
        Gen.Select(Check, Type).Sample(
            (check, type) =>
            {
                var result = AppJsonParser.Parse($"{{ \"healthchecks\": {{ \"{type}\": [ {check} ] }} }}");

                if (result.IsValid)
                {
                    Assert.Single(result.Value!.HealthChecks[type]);
                }
                else
                {
                    Assert.All(result.Errors, error =>
                        Assert.StartsWith($"app.json healthchecks.{type}[0]", error, StringComparison.Ordinal));
                }
            },
            iter: Iterations,
            print: sample => $"{sample.Item2}: {sample.Item1}");
    }
}
