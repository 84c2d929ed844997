using Berth.Agent.Containers;
using Berth.Agent.Health;
using Berth.Core.Health;

namespace Berth.Agent.Tests.Health;

public sealed class CheckVerdictsTests
{
    private static readonly DateTimeOffset Start = new(2025, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(200, "hello", null)]
    [InlineData(204, "", null)]
    [InlineData(302, "", null)]
    [InlineData(200, "status: ok", "ok")]
    public void Http_SuccessfulAnswer_Passes(int status, string body, string? content)
    {
        Assert.Equal(CheckOutcome.Passed, CheckVerdicts.Http(status, body, content).Outcome);
    }

    [Fact]
    public void Http_ServerError_SaysTheStatusAndBody()
    {
        var result = CheckVerdicts.Http(503, "database down\n", null);

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Equal("the answer was HTTP 503 ServiceUnavailable, not 2xx or 3xx; body: database down", result.Reason);
    }

    [Fact]
    public void Http_MissingContent_SaysWhatWasExpected()
    {
        var result = CheckVerdicts.Http(200, "starting", "ready");

        Assert.Equal("the HTTP 200 answer does not contain 'ready'; body: starting", result.Reason);
    }

    [Fact]
    public void Http_LongBody_QuotesOnlyItsEnd()
    {
        var result = CheckVerdicts.Http(500, new string('x', 1000) + "END", null);

        Assert.EndsWith("xxEND", result.Reason, StringComparison.Ordinal);
        Assert.True(result.Reason.Length < 300);
    }

    [Fact]
    public void Command_ExitZero_Passes()
    {
        Assert.Equal(CheckResult.Passed, CheckVerdicts.Command(0, "fine", ""));
    }

    [Fact]
    public void Command_NonZeroExit_QuotesStdoutAndStderr()
    {
        var result = CheckVerdicts.Command(2, "line1\nline2\n", "no such table\n");

        Assert.Equal("the command exited with code 2; stdout: line1 | line2; stderr: no such table", result.Reason);
    }

    [Fact]
    public void Uptime_NotReached_WaitsUntilItIs()
    {
        var check = HealthCheck.ForUptime("settle", TimeSpan.FromSeconds(10));

        var result = CheckVerdicts.Uptime(check, Start, Start.AddSeconds(4));

        Assert.Equal(CheckResult.NotYet("the container has run 4 s of 10 s", Start.AddSeconds(10)), result);
    }

    [Fact]
    public void Uptime_Reached_Passes()
    {
        var check = HealthCheck.ForUptime("settle", TimeSpan.FromSeconds(10));

        Assert.Equal(CheckResult.Passed, CheckVerdicts.Uptime(check, Start, Start.AddSeconds(10)));
    }

    [Fact]
    public void Stopped_SameStartStillRunning_IsNull()
    {
        Assert.Null(CheckVerdicts.Stopped(Start, Details(DockerStates.Running, Start)));
    }

    [Fact]
    public void Stopped_Exited_SaysTheExitCode()
    {
        var reason = CheckVerdicts.Stopped(Start, Details(DockerStates.Exited, Start, exitCode: 3));

        Assert.Equal("the container stopped (Docker state 'exited', exit code 3) before its checks passed", reason);
    }

    [Fact]
    public void Stopped_StartedAgain_SaysItRestarted()
    {
        var reason = CheckVerdicts.Stopped(Start, Details(DockerStates.Running, Start.AddSeconds(5)));

        Assert.Equal("the container restarted before its checks passed", reason);
    }

    [Fact]
    public void Stopped_Gone_SaysSo()
    {
        Assert.Equal("the container is gone", CheckVerdicts.Stopped(Start, null));
    }

    [Fact]
    public void LogTail_LongLog_KeepsTheLastLinesOldestFirst()
    {
        var log = string.Join("\n", Enumerable.Range(1, 30).Select(line => $"line {line}")) + "\n";

        var tail = LogTail.Last(log);

        Assert.Equal(20, tail.Count);
        Assert.Equal("line 11", tail[0]);
        Assert.Equal("line 30", tail[^1]);
    }

    [Fact]
    public void LogTail_EmptyLog_IsEmpty()
    {
        Assert.Empty(LogTail.Last(""));
    }

    private static ContainerDetails Details(string state, DateTimeOffset startedAt, int exitCode = 0) =>
        new(state, exitCode, startedAt, null, false);
}
