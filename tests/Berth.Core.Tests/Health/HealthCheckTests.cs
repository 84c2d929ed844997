using Berth.Core.Health;

namespace Berth.Core.Tests.Health;

public sealed class HealthCheckTests
{
    [Fact]
    public void Equals_SameListsInDistinctInstances_AreEqual()
    {
        var left = HealthCheck.ForPath("a", "/") with { HttpHeaders = [new HttpHeader("Host", "x")] };
        var right = HealthCheck.ForPath("a", "/") with { HttpHeaders = [new HttpHeader("Host", "x")] };

        Assert.Equal(left, right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
    }

    [Fact]
    public void Equals_SameCommandWordsInDistinctLists_AreEqual()
    {
        var words = new List<string> { "x", "y" };

        Assert.Equal(HealthCheck.ForCommand("a", ["x", "y"]), HealthCheck.ForCommand("a", words));
    }

    [Fact]
    public void Equals_DifferentHeadersOrWords_AreNotEqual()
    {
        var check = HealthCheck.ForPath("a", "/");

        Assert.NotEqual(check, check with { HttpHeaders = [new HttpHeader("Host", "x")] });
        Assert.NotEqual(HealthCheck.ForCommand("a", ["x"]), HealthCheck.ForCommand("a", ["x", "y"]));
        Assert.NotEqual(HealthCheck.ForCommand("a", ["x"]), HealthCheck.ForCommand("a", ["X"]));
    }

    [Fact]
    public void Equals_EachFieldCounts()
    {
        var check = HealthCheck.ForPath("a", "/");

        HealthCheck[] variants =
        [
            check with { Name = "b" },
            check with { Kind = HealthCheckKind.Listening },
            check with { Purpose = HealthCheckPurpose.Readiness },
            check with { Path = "/x" },
            check with { Content = "ok" },
            check with { Scheme = HealthCheckScheme.Https },
            check with { Command = ["x"] },
            check with { Uptime = TimeSpan.FromSeconds(1) },
            check with { Port = 1 },
            check with { Attempts = 1 },
            check with { Timeout = TimeSpan.FromSeconds(1) },
            check with { Wait = TimeSpan.FromSeconds(1) },
            check with { InitialDelay = TimeSpan.FromSeconds(1) },
            check with { Warn = true },
        ];

        Assert.All(variants, variant => Assert.NotEqual(check, variant));
        Assert.False(check.Equals(null));
    }

    [Fact]
    public void Factories_SetOnlyTheFieldsOfTheirKind()
    {
        var http = HealthCheck.ForPath("h", "/x");
        var command = HealthCheck.ForCommand("c", ["x"]);
        var uptime = HealthCheck.ForUptime("u", TimeSpan.FromSeconds(4));
        var listening = HealthCheck.ForListening("l", 80);

        Assert.Equal((HealthCheckKind.Http, "/x"), (http.Kind, http.Path));
        Assert.Equal((HealthCheckKind.Command, (string?)null), (command.Kind, command.Path));
        Assert.Equal(["x"], command.Command!);
        Assert.Equal((HealthCheckKind.Uptime, TimeSpan.FromSeconds(4)), (uptime.Kind, uptime.Uptime!.Value));
        Assert.Equal((HealthCheckKind.Listening, 80), (listening.Kind, listening.Port!.Value));
        Assert.Null(HealthCheck.ForListening("l").Port);
    }

    [Fact]
    public void ApplyTo_NoOverride_ReturnsAnEqualCheck()
    {
        var check = HealthCheck.ForPath("a", "/") with { Attempts = 8 };

        Assert.Equal(check, HealthCheckOverrides.None.ApplyTo(check));
    }
}
