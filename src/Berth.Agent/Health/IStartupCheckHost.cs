using Berth.Agent.Containers;
using Berth.Core.Health;

namespace Berth.Agent.Health;

/// <summary>
/// The I/O of startup checks, behind one small interface so the check logic is tested with
/// fakes: probes of the instance, and what Docker knows of its container.
/// </summary>
internal interface IStartupCheckHost
{
    /// <summary>One attempt of an HTTP check against 127.0.0.1:<paramref name="port"/>.</summary>
    Task<CheckResult> HttpAsync(HealthCheck check, int port, CancellationToken cancellationToken);

    /// <summary>One attempt of a command check, run inside the container.</summary>
    Task<CheckResult> CommandAsync(HealthCheck check, string containerId, CancellationToken cancellationToken);

    /// <summary>One attempt of a listening check: a TCP connect to 127.0.0.1:<paramref name="port"/>.</summary>
    Task<CheckResult> ListeningAsync(int port, CancellationToken cancellationToken);

    /// <summary>The container's state and times now; null when it is gone.</summary>
    Task<ContainerDetails?> InspectAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>The last <see cref="LogTail.Lines"/> lines of the container's log, stdout and stderr merged.</summary>
    Task<IReadOnlyList<string>> LogTailAsync(string containerId, CancellationToken cancellationToken);
}
