using Berth.Agent.Docker;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Berth.Agent.Containers;

/// <summary>Lists the node's Berth-managed containers; only those are ever asked of Docker.</summary>
internal sealed class DockerContainers(IDockerClient docker)
{
    /// <summary>Every container labelled <c>berth.managed=true</c>, running or not.</summary>
    public async Task<IReadOnlyList<ObservedContainer>> ListManagedAsync(CancellationToken cancellationToken)
    {
        var parameters = new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool>
                {
                    [$"{ContainerLabels.Managed}={ContainerLabels.ManagedValue}"] = true,
                },
            },
        };

        var listed = await docker.Containers.ListContainersAsync(parameters, cancellationToken);

        return [.. listed.Select(ToObserved).Where(container => container.IsManaged)];
    }

    /// <summary>Copies one entry of Docker's container list into plain data.</summary>
    public static ObservedContainer ToObserved(ContainerListResponse listed) => new(
        listed.ID,
        (listed.Names?.FirstOrDefault() ?? "").TrimStart('/'),
        listed.Labels is null
            ? new Dictionary<string, string>()
            : new Dictionary<string, string>(listed.Labels, StringComparer.Ordinal),
        listed.State ?? "",
        DockerStatusText.ExitCode(listed.Status));
}
