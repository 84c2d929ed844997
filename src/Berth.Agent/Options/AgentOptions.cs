namespace Berth.Agent.Options;

/// <summary>Everything the agent is told on its command line.</summary>
/// <param name="ControlPlane">The control plane's gRPC address, e.g. <c>http://127.0.0.1:7000</c>.</param>
/// <param name="Token">Where the cluster token comes from.</param>
/// <param name="Name">The node's unique name, e.g. <c>node-1</c>.</param>
/// <param name="Address">The host or IP address other hosts reach this node's instances at.</param>
/// <param name="Docker">The Docker engine's endpoint, e.g. <c>unix:///var/run/docker.sock</c>.</param>
/// <param name="Ports">The host ports the agent hands to listening instances.</param>
/// <param name="MemoryMb">Memory available to instances, in MiB.</param>
/// <param name="Labels">The node's labels, matched by placement constraints.</param>
/// <param name="StateDirectory">Where the agent keeps what must outlive it (restart counts); null: memory only.</param>
internal sealed record AgentOptions(
    Uri ControlPlane,
    TokenSource Token,
    string Name,
    string Address,
    Uri Docker,
    PortRange Ports,
    long MemoryMb,
    IReadOnlyDictionary<string, string> Labels,
    string? StateDirectory = null)
{
    /// <summary>The Docker endpoint used when <c>--docker</c> is not given.</summary>
    public const string DefaultDocker = "unix:///var/run/docker.sock";
}
