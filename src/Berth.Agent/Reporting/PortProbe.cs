using System.Net;
using System.Net.Sockets;

namespace Berth.Agent.Reporting;

/// <summary>Checks whether an instance accepts TCP connections on its port on this host.</summary>
internal sealed class PortProbe(TimeProvider timeProvider)
{
    /// <summary>How long one connection attempt may take.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(500);

    /// <summary>The ports among <paramref name="ports"/> where a connect to 127.0.0.1 succeeds.</summary>
    public async Task<IReadOnlySet<int>> AcceptingAsync(IEnumerable<int> ports, CancellationToken cancellationToken)
    {
        var distinct = ports.Where(port => port > 0).Distinct().ToList();
        var results = await Task.WhenAll(distinct.Select(port => AcceptsAsync(port, cancellationToken)));

        return distinct.Where((_, index) => results[index]).ToHashSet();
    }

    // An instance without startup checks is ready once this connect succeeds; one with checks is
    // judged by them (Health/StartupChecker).
    /// <summary>True when a TCP connect to 127.0.0.1:<paramref name="port"/> succeeds in time.</summary>
    public async Task<bool> AcceptsAsync(int port, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(Timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), linked.Token);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
