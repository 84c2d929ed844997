using Berth.Agent.Health;
using Berth.Core.Health;

namespace Berth.Agent.Tests.Health;

public sealed class StartupCheckRunTests
{
    private static readonly DateTimeOffset Start = new(2025, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly HealthCheck Root = HealthCheck.ForPath("root", "/") with
    {
        Attempts = 3,
        Wait = TimeSpan.FromSeconds(2),
    };

    [Fact]
    public void Next_AtStartWithoutDelay_AttemptsTheFirstCheck()
    {
        var run = StartupCheckRun.Begin([Root], Start);

        Assert.Equal(new StartupCheckStep.Attempt(Root, 1), run.Next(Start));
        Assert.Equal("check 'root' attempt 1/3", run.Message);
    }

    [Fact]
    public void Next_WithInitialDelay_WaitsUntilTheDelayAfterTheStart()
    {
        var run = StartupCheckRun.Begin([Root with { InitialDelay = TimeSpan.FromSeconds(4) }], Start);

        Assert.Equal(new StartupCheckStep.Wait(Start.AddSeconds(4)), run.Next(Start.AddSeconds(1)));
        Assert.IsType<StartupCheckStep.Attempt>(run.Next(Start.AddSeconds(4)));
    }

    [Fact]
    public void Record_EveryCheckPasses_PassesWithoutMessage()
    {
        var second = HealthCheck.ForListening("port");
        var run = StartupCheckRun.Begin([Root, second], Start);

        run = run.Record(CheckResult.Passed, Start);
        Assert.Equal(new StartupCheckStep.Attempt(second, 1), run.Next(Start));
        run = run.Record(CheckResult.Passed, Start.AddSeconds(1));

        Assert.Equal(StartupCheckState.Passed, run.State);
        Assert.IsType<StartupCheckStep.Finished>(run.Next(Start.AddSeconds(1)));
        Assert.Equal("", run.Message);
    }

    [Fact]
    public void Record_FailureThenPass_WaitsBetweenAttemptsAndPasses()
    {
        var run = StartupCheckRun.Begin([Root], Start).Record(CheckResult.Failed("connection refused"), Start);

        Assert.Equal(StartupCheckState.Checking, run.State);
        Assert.Equal(new StartupCheckStep.Wait(Start.AddSeconds(2)), run.Next(Start.AddSeconds(1)));
        Assert.Equal(new StartupCheckStep.Attempt(Root, 2), run.Next(Start.AddSeconds(2)));
        Assert.Equal("check 'root' attempt 2/3: connection refused", run.Message);

        run = run.Record(CheckResult.Passed, Start.AddSeconds(2));

        Assert.Equal(StartupCheckState.Passed, run.State);
    }

    [Fact]
    public void Record_AttemptsExhausted_FailsWithTheLastReason()
    {
        var run = StartupCheckRun.Begin([Root, HealthCheck.ForListening("never")], Start);

        run = run.Record(CheckResult.Failed("refused"), Start)
            .Record(CheckResult.Failed("HTTP 500"), Start.AddSeconds(2))
            .Record(CheckResult.Failed("HTTP 503"), Start.AddSeconds(4));

        Assert.Equal(StartupCheckState.Failed, run.State);
        Assert.Equal("startup check 'root' failed after 3 attempts: HTTP 503", run.Message);
        Assert.IsType<StartupCheckStep.Finished>(run.Next(Start.AddSeconds(10)));
    }

    [Fact]
    public void Record_WarnCheckExhausted_NotesItAndGoesOn()
    {
        var warn = Root with { Name = "optional", Attempts = 1, Warn = true };
        var run = StartupCheckRun.Begin([warn, HealthCheck.ForListening("port")], Start);

        run = run.Record(CheckResult.Failed("HTTP 404"), Start);
        Assert.Equal(
            "check 'port' attempt 1/3; startup check 'optional' failed after 1 attempt: HTTP 404 (a warning only)",
            run.Message);
        run = run.Record(CheckResult.Passed, Start);

        Assert.Equal(StartupCheckState.Passed, run.State);
        Assert.Equal("startup check 'optional' failed after 1 attempt: HTTP 404 (a warning only)", run.Message);
    }

    [Fact]
    public void Record_NotYet_DoesNotCountAsAnAttempt()
    {
        var uptime = HealthCheck.ForUptime("settle", TimeSpan.FromSeconds(10)) with { Attempts = 1 };
        var run = StartupCheckRun.Begin([uptime], Start);

        var notYet = CheckResult.NotYet("the container has run 1 s of 10 s", Start.AddSeconds(10));
        run = run.Record(notYet, Start.AddSeconds(1));

        Assert.Equal(StartupCheckState.Checking, run.State);
        Assert.Equal(new StartupCheckStep.Wait(Start.AddSeconds(10)), run.Next(Start.AddSeconds(1)));
        Assert.Equal(new StartupCheckStep.Attempt(uptime, 1), run.Next(Start.AddSeconds(10)));
    }

    [Fact]
    public void Stop_WhileChecking_EndsAtOnceAsInterruptedWhateverAttemptsAreLeft()
    {
        var run = StartupCheckRun.Begin([Root], Start).Stop("the container restarted before its checks passed");

        Assert.Equal(StartupCheckState.Interrupted, run.State);
        Assert.Equal("startup check 'root' did not finish: the container restarted before its checks passed", run.Message);
    }

    [Fact]
    public void Stop_AfterPassing_ChangesNothing()
    {
        var run = StartupCheckRun.Begin([Root], Start).Record(CheckResult.Passed, Start);

        Assert.Equal(StartupCheckState.Passed, run.Stop("gone").State);
    }

    [Fact]
    public void Begin_LaterCheckDelay_CountsFromTheContainerStart()
    {
        var late = HealthCheck.ForListening("port") with { InitialDelay = TimeSpan.FromSeconds(3) };
        var run = StartupCheckRun.Begin([Root, late], Start);

        var early = run.Record(CheckResult.Passed, Start.AddSeconds(1));
        var afterDelay = run.Record(CheckResult.Passed, Start.AddSeconds(5));

        Assert.Equal(new StartupCheckStep.Wait(Start.AddSeconds(3)), early.Next(Start.AddSeconds(1)));
        Assert.Equal(new StartupCheckStep.Attempt(late, 1), afterDelay.Next(Start.AddSeconds(5)));
    }

    [Fact]
    public void Begin_BadSpec_FailsAtOnceWithTheReason()
    {
        var spec = Specs.Http("root", "/");
        spec.Kind = "tcp";

        var run = StartupCheckRun.Begin([spec], Start, instancePort: 20000);

        Assert.Equal(StartupCheckState.Failed, run.State);
        Assert.StartsWith(
            "startup check 'root' cannot run: its kind 'tcp' is not one of",
            run.Message,
            StringComparison.Ordinal);
        Assert.IsType<StartupCheckStep.Finished>(run.Next(Start));
    }
}
