using Berth.Agent.Containers;

namespace Berth.Agent.Reporting;

/// <summary>
/// Holds the statuses the executor learns while it works (starting, the last error), keyed by
/// container name, for the reports. Thread-safe: operations run concurrently.
/// </summary>
internal sealed class InstanceStatusBoard
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, PendingInstance> _entries = new(StringComparer.Ordinal);
    private long _version;

    /// <summary>Grows with every change, so a reader can tell whether its copy is still current.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Forgets the previous reconcile and marks every instance about to be created as starting.</summary>
    public void Begin(IEnumerable<ContainerOperation> operations)
    {
        lock (_gate)
        {
            _entries.Clear();
            foreach (var start in operations.OfType<StartInstance>())
            {
                _entries[start.ContainerName] =
                    new PendingInstance(start.ContainerName, start.Assignment, start.Port, InstanceStates.Starting, "");
            }

            Interlocked.Increment(ref _version);
        }
    }

    /// <summary>Clears what is known of a container whose operation succeeded: Docker lists it now.</summary>
    public void Succeeded(ContainerOperation operation)
    {
        lock (_gate)
        {
            _entries.Remove(operation.ContainerName);
            Interlocked.Increment(ref _version);
        }
    }

    /// <summary>Records the error of a failed operation as the container's status message.</summary>
    public void Failed(ContainerOperation operation, string message)
    {
        var (assignment, port) = operation switch
        {
            StartInstance start => (start.Assignment, start.Port),
            RejectInstance reject => (reject.Assignment, 0),
            _ => ((InstanceAssignment?)null, 0),
        };

        lock (_gate)
        {
            _entries[operation.ContainerName] =
                new PendingInstance(operation.ContainerName, assignment, port, InstanceStates.Failed, message);
            Interlocked.Increment(ref _version);
        }
    }

    /// <summary>A copy of every entry.</summary>
    public IReadOnlyList<PendingInstance> Snapshot()
    {
        lock (_gate)
        {
            return [.. _entries.Values];
        }
    }
}
