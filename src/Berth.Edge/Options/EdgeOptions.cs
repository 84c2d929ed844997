using System.Net;

namespace Berth.Edge.Options;

/// <summary>How one edge process runs: where the control plane is, how it proves itself, where it listens.</summary>
/// <param name="ControlPlane">The control plane's gRPC address, e.g. http://127.0.0.1:7000.</param>
/// <param name="Token">Where the cluster token comes from.</param>
/// <param name="Listen">The address Kestrel serves app traffic on.</param>
/// <param name="Name">The edge's name, sent to the control plane in its hello.</param>
public sealed record EdgeOptions(Uri ControlPlane, TokenSource Token, IPEndPoint Listen, string Name)
{
    /// <summary>The drain limit used when --drain-timeout is not given; below the control plane's 30 s wait.</summary>
    public static readonly TimeSpan DefaultDrainTimeout = TimeSpan.FromSeconds(25);

    /// <summary>
    /// How long the acknowledgement of a route table may wait for requests in flight to the backends it
    /// removed (--drain-timeout).
    /// </summary>
    public TimeSpan DrainTimeout { get; init; } = DefaultDrainTimeout;

    /// <summary>The listen address used when --listen is not given.</summary>
    public static readonly IPEndPoint DefaultListen = new(IPAddress.Loopback, 8080);

    /// <summary>The name used when --name is not given: edge-&lt;machine name&gt;.</summary>
    public static string DefaultName(string machineName) => $"edge-{machineName.ToLowerInvariant()}";
}
