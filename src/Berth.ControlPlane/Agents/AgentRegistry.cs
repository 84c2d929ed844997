using System.Collections.Concurrent;
using Berth.Contracts;
using Berth.Core.Placement;

namespace Berth.ControlPlane.Agents;

/// <summary>
/// The agents connected now, their liveness and their reported instances. A node is ready
/// while its agent has been heard from within the liveness window, and down after; a short
/// reconnect, or a restart of the control plane, does not move its instances.
/// </summary>
public sealed class AgentRegistry(TimeProvider time)
{
    /// <summary>How often agents send a heartbeat.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(3);

    /// <summary>How long a node stays ready without a word from its agent.</summary>
    public static readonly TimeSpan LivenessWindow = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<string, AgentSession> sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> lastSeen = new(StringComparer.Ordinal);
    private readonly DateTimeOffset startedAt = time.GetUtcNow();

    /// <summary>Every connected session.</summary>
    public IReadOnlyCollection<AgentSession> Sessions => sessions.Values.ToList();

    /// <summary>Adds a session, closing an older one of the same node.</summary>
    public AgentSession Attach(Register registration)
    {
        var session = new AgentSession(registration);
        lastSeen[registration.Node] = time.GetUtcNow();
        sessions.AddOrUpdate(registration.Node, session, (_, old) =>
        {
            old.Close();
            return session;
        });
        return session;
    }

    /// <summary>Removes a session unless a newer one of the same node replaced it.</summary>
    public void Detach(AgentSession session) =>
        sessions.TryRemove(new KeyValuePair<string, AgentSession>(session.Node, session));

    /// <summary>Notes that the agent was heard from.</summary>
    public void Touch(AgentSession session) => lastSeen[session.Node] = time.GetUtcNow();

    /// <summary>The session of a connected node, or null.</summary>
    public AgentSession? Find(string node) => sessions.GetValueOrDefault(node);

    /// <summary>Ready when the node's agent was heard from within the liveness window; else down.</summary>
    public NodeStatus StatusOf(string node) =>
        time.GetUtcNow() - lastSeen.GetValueOrDefault(node, startedAt) <= LivenessWindow
            ? NodeStatus.Ready
            : NodeStatus.Down;

    /// <summary>When the node's agent was last heard from in this control plane's life, or null.</summary>
    public DateTimeOffset? LastSeen(string node) => lastSeen.TryGetValue(node, out var seen) ? seen : null;

    /// <summary>The reported state of one release of an instance, or null when not reported.</summary>
    public InstanceStatus? StatusOf(string node, string instance, int release) =>
        Find(node)?.Instances.FirstOrDefault(i => i.Instance == instance && i.Release == release);

    /// <summary>True when that release of the instance runs on that node.</summary>
    public bool IsRunning(PlacedInstance instance) =>
        StatusOf(instance.Node, instance.Name, instance.Release)?.State == InstanceStates.Running;
}
