using Berth.Contracts;
using Berth.Core.Processes;

namespace Berth.Agent.Containers;

/// <summary>
/// One instance the control plane wants on this node, as plain data for the reconciler.
/// <see cref="Env"/> holds config values, which are secrets: never log them.
/// </summary>
/// <param name="Instance">The instance name, <c>app.type.N</c>.</param>
/// <param name="App">The app the instance belongs to.</param>
/// <param name="Process">The process type, e.g. <c>web</c>.</param>
/// <param name="Index">The instance's number within its process type.</param>
/// <param name="Release">The release the instance runs.</param>
/// <param name="Image">The registry reference to pull, e.g. <c>127.0.0.1:5000/myapp:v3</c>.</param>
/// <param name="Env">The app's config vars.</param>
/// <param name="Command">The command to run; empty for the image's own command.</param>
/// <param name="Listens">True when the process listens on <c>PORT</c> (web).</param>
/// <param name="MemoryMb">The container's memory limit in MiB; 0 for none.</param>
/// <param name="ProcfileCommand">
/// The Procfile command, expanded with the container's environment and split into
/// arguments when the container is made; empty to use <paramref name="Command"/>.
/// </param>
/// <param name="StopTimeoutSeconds">Seconds between SIGTERM and SIGKILL when it stops; 0 or less for 30.</param>
/// <param name="Checks">
/// The startup checks a new container must pass before it reports running, as received (checked
/// when they run, so bad data fails the instance with a reason); null or empty for none.
/// </param>
internal sealed record InstanceAssignment(
    string Instance,
    string App,
    string Process,
    int Index,
    int Release,
    string Image,
    IReadOnlyDictionary<string, string> Env,
    IReadOnlyList<string> Command,
    bool Listens,
    long MemoryMb = 0,
    string ProcfileCommand = "",
    int StopTimeoutSeconds = 0,
    IReadOnlyList<HealthCheckSpec>? Checks = null)
{
    /// <summary>How long a stopping container gets between SIGTERM and SIGKILL when none is asked for.</summary>
    public static readonly TimeSpan DefaultStopTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long the container gets between SIGTERM and SIGKILL.</summary>
    public TimeSpan StopTimeout =>
        StopTimeoutSeconds > 0 ? TimeSpan.FromSeconds(StopTimeoutSeconds) : DefaultStopTimeout;

    /// <summary>The startup checks; empty when the instance has none.</summary>
    public IReadOnlyList<HealthCheckSpec> StartupChecks => Checks ?? [];

    /// <summary>The container name of this release of the instance, <c>app.type.N.vR</c>.</summary>
    public string ContainerName => InstanceName.Container(Instance, Release);

    /// <summary>The <c>DYNO</c> value, <c>type.N</c>.</summary>
    public string Dyno => $"{Process}.{Index}";

    /// <summary>Copies an assignment received from the control plane.</summary>
    public static InstanceAssignment FromContract(Assignment assignment) => new(
        assignment.Instance,
        assignment.App,
        assignment.Process,
        assignment.Index,
        assignment.Release,
        assignment.Image,
        new Dictionary<string, string>(assignment.Env, StringComparer.Ordinal),
        [.. assignment.Command],
        assignment.Listens,
        assignment.MemoryMb,
        assignment.ProcfileCommand,
        assignment.StopTimeoutSeconds,
        [.. assignment.Checks]);
}
