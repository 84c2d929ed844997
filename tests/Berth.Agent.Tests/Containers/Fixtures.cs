using Berth.Agent.Containers;
using Berth.Core.Processes;

namespace Berth.Agent.Tests.Containers;

/// <summary>Assignments and observed containers for the container tests.</summary>
internal static class Fixtures
{
    /// <summary>An assignment of <c>app.process.index</c> at <paramref name="release"/>.</summary>
    public static InstanceAssignment Assignment(
        string app = "shop",
        string process = "web",
        int index = 1,
        int release = 3,
        IReadOnlyDictionary<string, string>? env = null,
        IReadOnlyList<string>? command = null,
        long memoryMb = 0) => new(
            InstanceName.Format(app, process, index),
            app,
            process,
            index,
            release,
            $"127.0.0.1:5000/{app}:v{release}",
            env ?? new Dictionary<string, string>(),
            command ?? [],
            process == ProcessType.Web,
            memoryMb);

    /// <summary>A Berth-managed container as Docker would list it.</summary>
    public static ObservedContainer Managed(
        string app = "shop",
        string process = "web",
        int index = 1,
        int release = 3,
        int port = 0,
        string state = DockerStates.Running,
        int? exitCode = null,
        DateTimeOffset? startedAt = null,
        DateTimeOffset? finishedAt = null,
        bool outOfMemory = false)
    {
        var instance = InstanceName.Format(app, process, index);
        var labels = new Dictionary<string, string>
        {
            [ContainerLabels.Managed] = "true",
            [ContainerLabels.App] = app,
            [ContainerLabels.Process] = process,
            [ContainerLabels.Instance] = instance,
            [ContainerLabels.Release] = release.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [ContainerLabels.Port] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        return new ObservedContainer(
            $"id-{InstanceName.Container(instance, release)}",
            InstanceName.Container(instance, release),
            labels,
            state,
            exitCode,
            startedAt,
            finishedAt,
            outOfMemory);
    }

    /// <summary>A container someone else runs on the node (Dokku, a database): no Berth labels.</summary>
    public static ObservedContainer Unmanaged(string name, IReadOnlyDictionary<string, string>? labels = null) =>
        new($"id-{name}", name, labels ?? new Dictionary<string, string>(), DockerStates.Running, null);
}
