using System.Globalization;
using Berth.Agent.Docker;
using Berth.Core.Health;

namespace Berth.Agent.Health;

/// <summary>
/// Carries a <see cref="StartupCheckRun"/> through time: waits when it says wait, makes the
/// attempts it asks for (each within its check's timeout) through an <see cref="IStartupCheckHost"/>,
/// and stops it when the container exits or restarts. Time comes from the injected clock.
/// </summary>
internal sealed class StartupCheckDriver(IStartupCheckHost host, TimeProvider timeProvider)
{
    /// <summary>Runs <paramref name="run"/> to its end; <paramref name="progress"/> sees every change.</summary>
    public async Task<StartupCheckRun> RunAsync(
        StartupCheckRun run,
        CheckTarget target,
        Action<StartupCheckRun> progress,
        CancellationToken cancellationToken)
    {
        progress(run);

        while (true)
        {
            var now = timeProvider.GetUtcNow();
            switch (run.Next(now))
            {
                case StartupCheckStep.Wait wait:
                    await Task.Delay(wait.Until - now, timeProvider, cancellationToken);
                    break;

                case StartupCheckStep.Attempt attempt:
                    run = await AttemptAsync(run, attempt.Check, target, cancellationToken);
                    progress(run);
                    break;

                default:
                    return run;
            }
        }
    }

    /// <summary>The run after one attempt, or stopped when the container can no longer pass.</summary>
    private async Task<StartupCheckRun> AttemptAsync(
        StartupCheckRun run,
        HealthCheck check,
        CheckTarget target,
        CancellationToken cancellationToken)
    {
        var stopped = await StoppedAsync(run.StartedAt, target, cancellationToken);
        if (stopped is not null)
        {
            return run.Stop(stopped);
        }

        var result = check.Kind == HealthCheckKind.Uptime
            ? CheckVerdicts.Uptime(check, run.StartedAt, timeProvider.GetUtcNow())
            : await ProbeAsync(check, target, cancellationToken);

        return run.Record(result, timeProvider.GetUtcNow());
    }

    /// <summary>
    /// Why the container cannot pass any more; null while it runs the same start (or Docker cannot tell).
    /// </summary>
    private async Task<string?> StoppedAsync(
        DateTimeOffset startedAt,
        CheckTarget target,
        CancellationToken cancellationToken)
    {
        try
        {
            return CheckVerdicts.Stopped(startedAt, await host.InspectAsync(target.ContainerId, cancellationToken));
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Docker could not be read this time: the attempt itself says whether the instance answers.
            return null;
        }
    }

    /// <summary>One probe of an HTTP, command or listening check; failed when it outlasts its timeout.</summary>
    private async Task<CheckResult> ProbeAsync(
        HealthCheck check,
        CheckTarget target,
        CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(check.Timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        var port = check.Port ?? target.Port;

        try
        {
            var probe = check.Kind switch
            {
                HealthCheckKind.Http => host.HttpAsync(check, port, linked.Token),
                HealthCheckKind.Command => host.CommandAsync(check, target.ContainerId, linked.Token),
                _ => host.ListeningAsync(port, linked.Token),
            };

            // The wait also ends a probe that does not honour its token.
            return await probe.WaitAsync(check.Timeout, timeProvider, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException
            && !cancellationToken.IsCancellationRequested)
        {
            return CheckResult.Failed($"no answer within {Seconds(check.Timeout)}");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return CheckResult.Failed(ex is DockerOperationException ? ex.Message : DockerErrors.Describe(ex));
        }
    }

    private static string Seconds(TimeSpan time) =>
        $"{time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s";
}
