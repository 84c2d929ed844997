using Berth.Agent.Containers;
using Berth.Agent.Health;
using Berth.Core.Health;

namespace Berth.Agent.Tests.Health;

/// <summary>A scripted <see cref="IStartupCheckHost"/>: probes answer from a queue, inspects from a function.</summary>
internal sealed class FakeCheckHost : IStartupCheckHost
{
    /// <summary>What the next probes answer, in order; once empty, probes wait until cancelled.</summary>
    public Queue<CheckResult> Answers { get; } = new();

    /// <summary>What inspecting the container finds.</summary>
    public Func<string, ContainerDetails?> Container { get; set; } = _ => null;

    /// <summary>How many probes were made.</summary>
    public int Probes => _probes;

    /// <summary>Completes when as many probes as <see cref="ExpectProbes"/> asked for are running at once.</summary>
    public TaskCompletionSource AllProbing { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many probes must run at once before <see cref="AllProbing"/> completes; 0: never.</summary>
    public int ExpectProbes { get; set; }

    private int _probes;
    private int _running;

    /// <inheritdoc />
    public Task<CheckResult> HttpAsync(HealthCheck check, int port, CancellationToken cancellationToken) =>
        ProbeAsync(cancellationToken);

    /// <inheritdoc />
    public Task<CheckResult> CommandAsync(HealthCheck check, string containerId, CancellationToken cancellationToken) =>
        ProbeAsync(cancellationToken);

    /// <inheritdoc />
    public Task<CheckResult> ListeningAsync(int port, CancellationToken cancellationToken) =>
        ProbeAsync(cancellationToken);

    /// <inheritdoc />
    public Task<ContainerDetails?> InspectAsync(string containerId, CancellationToken cancellationToken) =>
        Task.FromResult(Container(containerId));

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> LogTailAsync(string containerId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(["booting", "panic: no database"]);

    private async Task<CheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _probes);
        if (Interlocked.Increment(ref _running) == ExpectProbes)
        {
            AllProbing.TrySetResult();
        }

        try
        {
            CheckResult? answer;
            lock (Answers)
            {
                Answers.TryDequeue(out answer);
            }

            if (answer is null || ExpectProbes > 0)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return answer!;
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }
}
