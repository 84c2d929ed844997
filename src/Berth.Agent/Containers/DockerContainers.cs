using System.Collections.Concurrent;
using Berth.Agent.Docker;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Berth.Agent.Containers;

/// <summary>
/// Lists the node's Berth-managed containers; only those are ever asked of Docker. Running and
/// exited containers are inspected for their start and exit times. A running container's
/// details are kept until it stops running (or is started again by the agent), so a steady
/// node costs one list per look; exited ones are inspected on every look.
/// </summary>
internal sealed class DockerContainers(IDockerClient docker)
{
    private readonly ConcurrentDictionary<string, ContainerDetails> _running = new(StringComparer.Ordinal);

    /// <summary>Every container labelled <c>berth.managed=true</c>, running or not, with its details.</summary>
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
        var managed = listed.Select(ToObserved).Where(container => container.IsManaged).ToList();
        ForgetAllBut(managed.Where(container => container.IsRunning).Select(container => container.Id));

        var detailed = await Task.WhenAll(managed.Select(container => WithDetailsAsync(container, cancellationToken)));
        return [.. detailed.OfType<ObservedContainer>()];
    }

    /// <summary>Drops the kept details of a container the agent just started, so its new start time is read.</summary>
    public void Forget(string containerId) => _running.TryRemove(containerId, out _);

    /// <summary>Copies one entry of Docker's container list into plain data, without details.</summary>
    public static ObservedContainer ToObserved(ContainerListResponse listed) => new(
        listed.ID,
        (listed.Names?.FirstOrDefault() ?? "").TrimStart('/'),
        listed.Labels is null
            ? new Dictionary<string, string>()
            : new Dictionary<string, string>(listed.Labels, StringComparer.Ordinal),
        listed.State ?? "",
        DockerStatusText.ExitCode(listed.Status));

    /// <summary>The container with its details; null when it was removed since the list.</summary>
    private async Task<ObservedContainer?> WithDetailsAsync(ObservedContainer container, CancellationToken token)
    {
        if (!container.IsRunning && !container.HasExited)
        {
            return container;
        }

        if (container.IsRunning && _running.TryGetValue(container.Id, out var kept))
        {
            return kept.ApplyTo(container);
        }

        try
        {
            var inspected = await docker.Containers.InspectContainerAsync(container.Id, token);
            var details = ContainerDetails.From(inspected.State ?? new State());
            if (details.State == DockerStates.Running)
            {
                _running[container.Id] = details;
            }

            return details.ApplyTo(container);
        }
        catch (DockerContainerNotFoundException)
        {
            return null;
        }
    }

    private void ForgetAllBut(IEnumerable<string> runningIds)
    {
        var keep = runningIds.ToHashSet(StringComparer.Ordinal);

        foreach (var id in _running.Keys.Where(id => !keep.Contains(id)))
        {
            _running.TryRemove(id, out _);
        }
    }
}
