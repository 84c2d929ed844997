using Berth.Core.Processes;
using System.Globalization;
using Docker.DotNet.Models;

namespace Berth.Agent.Containers;

/// <summary>
/// Builds the Docker create request of an instance's container: name, labels, environment,
/// command and host settings. Pure: the request is plain data. Docker's restart policy is
/// "no": the agent's restart supervisor restarts crashed instances with its own backoff.
/// </summary>
internal static class ContainerSpecBuilder
{
    /// <summary>The host networking mode: instances listen on the node's own ports.</summary>
    public const string HostNetwork = "host";

    /// <summary>Bytes in a MiB, for <see cref="HostConfig.Memory"/>.</summary>
    public const long BytesPerMib = 1024 * 1024;

    /// <summary>The create request for <paramref name="assignment"/> on node <paramref name="node"/>.</summary>
    /// <param name="assignment">The instance.</param>
    /// <param name="port">The host port it listens on; 0 when it does not listen.</param>
    /// <param name="node">The node's name, for <c>BERTH_NODE</c>.</param>
    /// <param name="imageEnv">The image's ENV lines (<c>KEY=VALUE</c>), for the Procfile command's variables.</param>
    public static CreateContainerParameters Build(
        InstanceAssignment assignment,
        int port,
        string node,
        IEnumerable<string> imageEnv) => new()
    {
        Name = assignment.ContainerName,
        Image = assignment.Image,
        Labels = Labels(assignment, port),
        Env = [.. Environment(assignment, port, node)],
        Cmd = Command(assignment, port, node, imageEnv),
        // Docker waits this long after SIGTERM whenever the container is stopped without a time of its own,
        // which is how the agent stops it.
        StopTimeout = assignment.StopTimeout,
        HostConfig = new HostConfig
        {
            NetworkMode = HostNetwork,
            Init = true,
            RestartPolicy = new RestartPolicy { Name = RestartPolicyKind.No },
            Memory = MemoryLimitBytes(assignment),
            MemorySwap = MemoryLimitBytes(assignment),
        },
    };

    /// <summary>
    /// The container's command: the Procfile command with its variables (<c>$PORT</c>, config
    /// vars, the image's ENV) expanded from the environment the container will have, else the
    /// assignment's arguments; null for the image's own. It replaces the image's CMD and so goes
    /// to its ENTRYPOINT when it has one.
    /// </summary>
    public static IList<string>? Command(
        InstanceAssignment assignment,
        int port,
        string node,
        IEnumerable<string> imageEnv)
    {
        if (assignment.ProcfileCommand.Length == 0)
        {
            return assignment.Command.Count > 0 ? [.. assignment.Command] : null;
        }

        // As Docker does, the container's own variables win over the image's ENV of the same name.
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in imageEnv)
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                values[line[..equals]] = line[(equals + 1)..];
            }
        }

        foreach (var (key, value) in Values(assignment, port, node))
        {
            values[key] = value;
        }

        var arguments = CommandLine.ToArguments(assignment.ProcfileCommand, values);
        return arguments.IsValid
            ? [.. arguments.Value!]
            : throw new InvalidOperationException(
                $"the Procfile command of {assignment.Process} cannot run: {string.Join(" ", arguments.Errors)}");
    }

    /// <summary>
    /// The container's memory limit in bytes; 0 for none. The swap limit is set to the same
    /// value, so swap does not extend it.
    /// </summary>
    public static long MemoryLimitBytes(InstanceAssignment assignment) =>
        assignment.MemoryMb > 0 ? checked(assignment.MemoryMb * BytesPerMib) : 0;

    /// <summary>The labels that mark the container as Berth's and name its instance.</summary>
    public static Dictionary<string, string> Labels(InstanceAssignment assignment, int port) => new()
    {
        [ContainerLabels.Managed] = ContainerLabels.ManagedValue,
        [ContainerLabels.App] = assignment.App,
        [ContainerLabels.Process] = assignment.Process,
        [ContainerLabels.Instance] = assignment.Instance,
        [ContainerLabels.Release] = assignment.Release.ToString(CultureInfo.InvariantCulture),
        [ContainerLabels.Port] = port.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// The environment as <c>KEY=VALUE</c> lines sorted by key: the app's config vars, then
    /// Berth's own (<c>PORT</c> when the instance listens, <c>DYNO</c>, <c>BERTH_NODE</c>,
    /// <c>BERTH_INSTANCE</c>), which win over config vars of the same name.
    /// </summary>
    public static IReadOnlyList<string> Environment(InstanceAssignment assignment, int port, string node) =>
        [.. Values(assignment, port, node)
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => $"{pair.Key}={pair.Value}")];

    private static Dictionary<string, string> Values(InstanceAssignment assignment, int port, string node)
    {
        var values = new Dictionary<string, string>(assignment.Env, StringComparer.Ordinal);

        if (assignment.Listens)
        {
            values["PORT"] = port.ToString(CultureInfo.InvariantCulture);
        }

        values["DYNO"] = assignment.Dyno;
        values["BERTH_NODE"] = node;
        values["BERTH_INSTANCE"] = assignment.Instance;
        return values;
    }
}
