namespace Berth.Agent.Supervision;

/// <summary>
/// Holds the restart records of the node's containers, by container id, for the supervisor
/// (which changes them) and the reports (which read them). Thread-safe.
/// </summary>
internal sealed class RestartLedger
{
    private readonly Lock _gate = new();
    private Dictionary<string, RestartRecord> _records = new(StringComparer.Ordinal);

    /// <summary>A copy of every record, by container id.</summary>
    public IReadOnlyDictionary<string, RestartRecord> Snapshot()
    {
        lock (_gate)
        {
            return new Dictionary<string, RestartRecord>(_records, StringComparer.Ordinal);
        }
    }

    /// <summary>Replaces every record with those recovered at startup.</summary>
    public void Load(IEnumerable<RestartRecord> records)
    {
        lock (_gate)
        {
            _records = records.ToDictionary(record => record.ContainerId, StringComparer.Ordinal);
        }
    }

    /// <summary>
    /// Plans from the current records and keeps the plan's records, as one step, so that a
    /// restart finishing meanwhile is not lost.
    /// </summary>
    public RestartPlan Apply(Func<IReadOnlyDictionary<string, RestartRecord>, RestartPlan> plan)
    {
        lock (_gate)
        {
            var planned = plan(_records);
            _records = new Dictionary<string, RestartRecord>(planned.Records, StringComparer.Ordinal);
            return planned;
        }
    }

    /// <summary>Changes one container's record; null when the container is no longer known.</summary>
    public RestartRecord? Update(string containerId, Func<RestartRecord, RestartRecord> change)
    {
        lock (_gate)
        {
            if (!_records.TryGetValue(containerId, out var record))
            {
                return null;
            }

            var changed = change(record);
            _records[containerId] = changed;
            return changed;
        }
    }
}
