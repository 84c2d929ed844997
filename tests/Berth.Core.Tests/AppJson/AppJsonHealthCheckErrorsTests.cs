using Berth.Core.AppJson;
using Berth.Core.Processes;

namespace Berth.Core.Tests.AppJson;

public sealed class AppJsonHealthCheckErrorsTests
{
    [Theory]
    [InlineData("[]", "an array")]
    [InlineData("\"web\"", "a string")]
    [InlineData("1", "1")]
    public void Parse_SectionNotAnObject_FailsWithAnExample(string value, string found)
    {
        var result = AppJsonParser.Parse($"{{ \"healthchecks\": {value} }}");

        Assert.Equal(
            [
                "app.json healthchecks must be an object, e.g. { \"web\": [ { \"path\": \"/health\" } ] }; "
                + $"it is {found}.",
            ],
            result.Errors);
    }

    [Theory]
    [InlineData("{ \"path\": \"/\" }", "an object")]
    [InlineData("\"/health\"", "a string")]
    [InlineData("true", "true")]
    public void Parse_TypeNotAList_FailsWithAnExample(string value, string found)
    {
        var result = AppJsonParser.Parse($"{{ \"healthchecks\": {{ \"web\": {value} }} }}");

        Assert.Equal(
            [
                "app.json healthchecks.web must be a list of checks, e.g. [ { \"path\": \"/health\" } ]; "
                + $"it is {found}.",
            ],
            result.Errors);
    }

    [Theory]
    [InlineData("\"/health\"", "a string")]
    [InlineData("null", "null")]
    [InlineData("[]", "an array")]
    public void Parse_CheckNotAnObject_FailsNamingItsPosition(string value, string found)
    {
        var result = AppJsonParser.Parse($"{{ \"healthchecks\": {{ \"web\": [ {{ \"uptime\": 1 }}, {value} ] }} }}");

        Assert.Equal(
            [$"app.json healthchecks.web[1] must be an object, e.g. {{ \"path\": \"/health\" }}; it is {found}."],
            result.Errors);
    }

    [Theory]
    [InlineData("we b")]
    [InlineData("web.1")]
    [InlineData("")]
    public void Parse_BadProcessType_FailsNamingTheKeyAndTheRule(string type)
    {
        var result = AppJsonParser.Parse($"{{ \"healthchecks\": {{ \"{type}\": [] }} }}");

        Assert.Equal(
            [
                $"app.json healthchecks has the key '{type}', which is not a valid process type: {ProcessType.Rule}; "
                + "use a process type from the Procfile.",
            ],
            result.Errors);
    }

    [Fact]
    public void Parse_TypeGivenTwice_Fails()
    {
        var result = AppJsonParser.Parse("""{ "healthchecks": { "web": null, "web": [] } }""");

        Assert.Equal(["app.json healthchecks.web is given twice; keep one."], result.Errors);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{ \"name\": \"x\", \"attempts\": 2 }")]
    [InlineData("{ \"listening\": false }")]
    public void Parse_CheckWithNothingToCheck_FailsNamingTheChoices(string check)
    {
        var result = AppJsonParser.Parse($"{{ \"healthchecks\": {{ \"web\": [ {check} ] }} }}");

        Assert.Equal(
            [
                "app.json healthchecks.web[0] says nothing to check; give one of path, command, uptime or "
                + "\"listening\": true, e.g. { \"path\": \"/health\" }.",
            ],
            result.Errors);
    }

    [Theory]
    [InlineData("\"path\": \"/\", \"uptime\": 5", "both path and uptime")]
    [InlineData("\"command\": [\"x\"], \"listening\": true", "both command and listening")]
    [InlineData("\"path\": \"/\", \"command\": \"x\", \"uptime\": 5", "path, command and uptime")]
    [InlineData(
        "\"path\": \"/\", \"command\": \"x\", \"uptime\": 5, \"listening\": true",
        "path, command, uptime and listening")]
    public void Parse_CheckWithSeveralTargets_FailsNamingThem(string keys, string named)
    {
        var result = AppJsonParser.Parse($"{{ \"healthchecks\": {{ \"web\": [ {{ {keys} }} ] }} }}");

        Assert.Equal(
            [
                $"app.json healthchecks.web[0] gives {named}; a check does one thing, so keep one of them "
                + "or write one check for each.",
            ],
            result.Errors);
    }

    [Theory]
    [InlineData("attempts", "0", 1, 100, "0")]
    [InlineData("attempts", "101", 1, 100, "101")]
    [InlineData("attempts", "2.5", 1, 100, "2.5")]
    [InlineData("timeout", "0", 1, 600, "0")]
    [InlineData("timeout", "601", 1, 600, "601")]
    [InlineData("timeout", "\"5s\"", 1, 600, "a string")]
    [InlineData("wait", "0", 1, 600, "0")]
    [InlineData("wait", "601", 1, 600, "601")]
    [InlineData("initialDelay", "-1", 0, 600, "-1")]
    [InlineData("initialDelay", "601", 0, 600, "601")]
    [InlineData("uptime", "0", 1, 600, "0")]
    [InlineData("uptime", "601", 1, 600, "601")]
    [InlineData("port", "0", 1, 65535, "0")]
    [InlineData("port", "65536", 1, 65535, "65536")]
    [InlineData("port", "\"8080\"", 1, 65535, "a string")]
    public void Parse_SettingOutOfRange_FailsNamingThePathAndTheRange(
        string key,
        string value,
        int minimum,
        int maximum,
        string found)
    {
        var target = key == "uptime" ? string.Empty : "\"listening\": true, ";
        var json = $$"""{ "healthchecks": { "web": [ { {{target}}"{{key}}": {{value}} } ] } }""";

        var result = AppJsonParser.Parse(json);

        Assert.Contains(
            $"app.json healthchecks.web[0].{key} must be a whole number from {minimum} to {maximum}; it is {found}.",
            result.Errors);
    }

    [Theory]
    [InlineData("health", "it is \"health\".")]
    [InlineData("", "it is \"\".")]
    [InlineData("https://example.com/", "it is \"https://example.com/\".")]
    public void Parse_PathNotStartingWithASlash_Fails(string path, string found)
    {
        var result = AppJsonParser.Parse($"{{ \"healthchecks\": {{ \"web\": [ {{ \"path\": \"{path}\" }} ] }} }}");

        Assert.Equal(
            [$"app.json healthchecks.web[0].path must start with '/', e.g. \"/health\"; {found}"],
            result.Errors);
    }

    [Theory]
    [InlineData("/a b")]
    [InlineData("/a\\tb")]
    [InlineData("/a\\nb")]
    public void Parse_PathWithBlanksOrControls_Fails(string path)
    {
        var result = AppJsonParser.Parse($"{{ \"healthchecks\": {{ \"web\": [ {{ \"path\": \"{path}\" }} ] }} }}");

        Assert.Equal(
            ["app.json healthchecks.web[0].path must not contain spaces or control characters; write a space as %20."],
            result.Errors);
    }

    [Fact]
    public void Parse_PathNotAString_Fails()
    {
        var result = AppJsonParser.Parse("""{ "healthchecks": { "web": [ { "path": 1 } ] } }""");

        Assert.Equal(["app.json healthchecks.web[0].path must be a string; it is 1."], result.Errors);
    }

    [Theory]
    [InlineData("\"boot\"", "must be startup, liveness or readiness; it is \"boot\".")]
    [InlineData("\"Startup\"", "must be startup, liveness or readiness; it is \"Startup\".")]
    [InlineData("1", "must be a string; it is 1.")]
    public void Parse_BadType_Fails(string value, string error)
    {
        var result = AppJsonParser.Parse(
            $"{{ \"healthchecks\": {{ \"web\": [ {{ \"uptime\": 1, \"type\": {value} }} ] }} }}");

        Assert.Equal([$"app.json healthchecks.web[0].type {error}"], result.Errors);
    }

    [Theory]
    [InlineData("\"ftp\"", "must be http or https; it is \"ftp\".")]
    [InlineData("true", "must be a string; it is true.")]
    public void Parse_BadScheme_Fails(string value, string error)
    {
        var result = AppJsonParser.Parse(
            $"{{ \"healthchecks\": {{ \"web\": [ {{ \"path\": \"/\", \"scheme\": {value} }} ] }} }}");

        Assert.Equal([$"app.json healthchecks.web[0].scheme {error}"], result.Errors);
    }

    [Theory]
    [InlineData("name", "5", "5")]
    [InlineData("name", "[]", "an array")]
    [InlineData("content", "false", "false")]
    public void Parse_StringSettingOfAnotherKind_Fails(string key, string value, string found)
    {
        var json = $$"""{ "healthchecks": { "web": [ { "path": "/", "{{key}}": {{value}} } ] } }""";

        var result = AppJsonParser.Parse(json);

        Assert.Equal([$"app.json healthchecks.web[0].{key} must be a string; it is {found}."], result.Errors);
    }

    [Theory]
    [InlineData("warn", "\"true\"", "a string")]
    [InlineData("listening", "1", "1")]
    [InlineData("warn", "{}", "an object")]
    public void Parse_BooleanSettingOfAnotherKind_Fails(string key, string value, string found)
    {
        var result = AppJsonParser.Parse(
            $"{{ \"healthchecks\": {{ \"web\": [ {{ \"uptime\": 1, \"{key}\": {value} }} ] }} }}");

        Assert.Contains($"app.json healthchecks.web[0].{key} must be true or false; it is {found}.", result.Errors);
    }

    [Theory]
    [InlineData("{ \"listening\": true }", "that a port is listening")]
    [InlineData("{ \"path\": \"/health\" }", "an HTTP path")]
    public void Parse_PortCheckOfAnotherTypeWithoutAPort_Fails(string check, string what)
    {
        var result = AppJsonParser.Parse($"{{ \"healthchecks\": {{ \"worker\": [ {check} ] }} }}");

        Assert.Equal(
            [
                $"app.json healthchecks.worker[0] checks {what} but gives no port, and only web instances get a PORT; "
                + "add \"port\" with the port the worker process listens on.",
            ],
            result.Errors);
    }

    [Fact]
    public void Parse_MissingPortAndAnotherError_AreBothReported()
    {
        var result = AppJsonParser.Parse("""{ "healthchecks": { "worker": [ { "listening": true, "wait": 0 } ] } }""");

        Assert.Equal(2, result.Errors.Count);
        Assert.Contains(result.Errors, error => error.Contains("gives no port", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_CommandAndUptimeOfAnotherTypeWithoutAPort_AreAccepted()
    {
        var result = AppJsonParser.Parse(
            """{ "healthchecks": { "worker": [ { "command": "x" }, { "uptime": 3 } ] } }""");

        Assert.True(result.IsValid, string.Join(" ", result.Errors));
    }

    [Fact]
    public void Parse_EmptyCommandList_Fails()
    {
        var result = AppJsonParser.Parse("""{ "healthchecks": { "web": [ { "command": [] } ] } }""");

        Assert.Equal(
            [
                "app.json healthchecks.web[0].command is an empty list; give the program and its arguments, "
                + "e.g. [\"./bin/check\", \"--ready\"].",
            ],
            result.Errors);
    }

    [Theory]
    [InlineData("[\"\"]")]
    [InlineData("[\" \", \"--ready\"]")]
    public void Parse_CommandWithAnEmptyProgram_Fails(string command)
    {
        var result = AppJsonParser.Parse($"{{ \"healthchecks\": {{ \"web\": [ {{ \"command\": {command} }} ] }} }}");

        Assert.Equal(
            [
                "app.json healthchecks.web[0].command[0] is empty; it must name the program to run, "
                + "e.g. [\"./bin/check\", \"--ready\"].",
            ],
            result.Errors);
    }

    [Fact]
    public void Parse_CommandWordNotAString_FailsNamingEachWord()
    {
        var result = AppJsonParser.Parse("""{ "healthchecks": { "web": [ { "command": ["x", 1, null] } ] } }""");

        Assert.Equal(
            [
                "app.json healthchecks.web[0].command[1] must be a string; it is 1.",
                "app.json healthchecks.web[0].command[2] must be a string; it is null.",
            ],
            result.Errors);
    }

    [Theory]
    [InlineData("5", "5")]
    [InlineData("{}", "an object")]
    [InlineData("true", "true")]
    public void Parse_CommandOfAnotherKind_Fails(string command, string found)
    {
        var result = AppJsonParser.Parse($"{{ \"healthchecks\": {{ \"web\": [ {{ \"command\": {command} }} ] }} }}");

        Assert.Equal(
            [
                "app.json healthchecks.web[0].command must be a list of words, e.g. [\"./bin/check\", \"--ready\"], "
                + $"or a command line; it is {found}.",
            ],
            result.Errors);
    }

    [Fact]
    public void Parse_CommandLineWithAnOpenQuote_FailsNamingThePath()
    {
        var result = AppJsonParser.Parse("""{ "healthchecks": { "web": [ { "command": "check 'ready" } ] } }""");

        Assert.Equal(
            [
                "app.json healthchecks.web[0].command: the command has an unterminated single quote (') "
                + "at character 7; close it with a matching '.",
            ],
            result.Errors);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"  # only a comment\"")]
    public void Parse_CommandLineWithNoWord_Fails(string command)
    {
        var result = AppJsonParser.Parse($"{{ \"healthchecks\": {{ \"web\": [ {{ \"command\": {command} }} ] }} }}");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith(
            "app.json healthchecks.web[0].command: the command gives no program to run",
            error,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}", "an object")]
    [InlineData("\"Host: x\"", "a string")]
    public void Parse_HeadersNotAList_FailsWithAnExample(string headers, string found)
    {
        var json = $$"""{ "healthchecks": { "web": [ { "path": "/", "httpHeaders": {{headers}} } ] } }""";

        var result = AppJsonParser.Parse(json);

        Assert.Equal(
            [
                "app.json healthchecks.web[0].httpHeaders must be a list of headers, "
                + $"e.g. [ {{ \"name\": \"Host\", \"value\": \"example.com\" }} ]; it is {found}.",
            ],
            result.Errors);
    }

    [Theory]
    [InlineData(
        "[ \"Host: x\" ]",
        "[0] must be an object, e.g. { \"name\": \"Host\", \"value\": \"example.com\" }; it is a string.")]
    [InlineData("[ { \"value\": \"x\" } ]", "[0].name is missing; name the header, e.g. \"Host\".")]
    [InlineData("[ { \"name\": null } ]", "[0].name is missing; name the header, e.g. \"Host\".")]
    [InlineData("[ { \"name\": 1 } ]", "[0].name must be a string; it is 1.")]
    [InlineData("[ { \"name\": \"x\", \"value\": 1 } ]", "[0].value must be a string; it is 1.")]
    [InlineData(
        "[ { \"name\": \"\" } ]",
        "[0].name must be an HTTP header name, made of letters, digits and !#$%&'*+-.^_`|~; it is \"\".")]
    [InlineData(
        "[ { \"name\": \"X Forwarded\" } ]",
        "[0].name must be an HTTP header name, made of letters, digits and !#$%&'*+-.^_`|~; it is \"X Forwarded\".")]
    [InlineData(
        "[ { \"name\": \"Host:\" } ]",
        "[0].name must be an HTTP header name, made of letters, digits and !#$%&'*+-.^_`|~; it is \"Host:\".")]
    [InlineData(
        "[ { \"name\": \"X\", \"value\": \"a\\r\\nEvil: 1\" } ]",
        "[0].value must not contain line breaks or other control characters.")]
    public void Parse_BadHeader_FailsNamingThePath(string headers, string error)
    {
        var json = $$"""{ "healthchecks": { "web": [ { "path": "/", "httpHeaders": {{headers}} } ] } }""";

        var result = AppJsonParser.Parse(json);

        Assert.Equal([$"app.json healthchecks.web[0].httpHeaders{error}"], result.Errors);
    }

    [Fact]
    public void Parse_HeaderValueWithATab_IsAccepted()
    {
        const string Json = """
            { "healthchecks": { "web": [ { "path": "/", "httpHeaders": [ { "name": "X", "value": "a\tb" } ] } ] } }
            """;

        var result = AppJsonParser.Parse(Json);

        Assert.Equal("a\tb", result.Value!.HealthChecks["web"][0].HttpHeaders[0].Value);
    }

    [Fact]
    public void Parse_SeveralBadChecks_ReportsEveryError()
    {
        const string Json = """
            { "healthchecks": {
                "web": [
                  { "path": "health", "attempts": 0, "type": "boot", "warn": "no" },
                  { "uptime": 5 },
                  { }
                ],
                "bad type": [],
                "worker": {}
            } }
            """;

        var result = AppJsonParser.Parse(Json);

        Assert.Null(result.Value);
        Assert.Equal(
            [
                "app.json healthchecks.web[0].type must be startup, liveness or readiness; it is \"boot\".",
                "app.json healthchecks.web[0].path must start with '/', e.g. \"/health\"; it is \"health\".",
                "app.json healthchecks.web[0].attempts must be a whole number from 1 to 100; it is 0.",
                "app.json healthchecks.web[0].warn must be true or false; it is a string.",
                "app.json healthchecks.web[2] says nothing to check; give one of path, command, uptime or "
                + "\"listening\": true, e.g. { \"path\": \"/health\" }.",
                "app.json healthchecks has the key 'bad type', which is not a valid process type: "
                + $"{ProcessType.Rule}; use a process type from the Procfile.",
                "app.json healthchecks.worker must be a list of checks, e.g. [ { \"path\": \"/health\" } ]; "
                + "it is an object.",
            ],
            result.Errors);
    }

    [Fact]
    public void Parse_ErrorsInFormationAndHealthChecks_AreBothReported()
    {
        const string Json = """
            { "formation": { "web": { "quantity": -1 } }, "healthchecks": { "web": [ {} ] } }
            """;

        var result = AppJsonParser.Parse(Json);

        Assert.Equal(2, result.Errors.Count);
    }
}
