using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Berth.Edge.Tests.Support;

/// <summary>
/// A raw HTTP/1.1 backend on loopback: answers GET with 200 on a kept-alive connection, and closes
/// the connection without any answer after reading a POST, as an instance that dies mid-request does.
/// It records every request line it read.
/// </summary>
internal sealed class ClosingBackend : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<string> _requests = [];
    private readonly Task _accepting;
    private int _connections;

    public ClosingBackend()
    {
        _listener.Start();
        Url = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _accepting = AcceptAsync();
    }

    public string Url { get; }

    public int Connections => Volatile.Read(ref _connections);

    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                Interlocked.Increment(ref _connections);
                _ = ServeAsync(client);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        try
        {
            while (await ReadRequestLineAsync(stream) is { } line)
            {
                lock (_gate)
                {
                    _requests.Add(line);
                }

                if (line.StartsWith("POST ", StringComparison.Ordinal))
                {
                    return;
                }

                await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"u8.ToArray(), _stop.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            // The edge or the test went away.
        }
    }

    /// <summary>Reads one request (head and Content-Length body); returns its request line, or null at EOF.</summary>
    private async Task<string?> ReadRequestLineAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0)
            {
                return null;
            }

            head.Append((char)one[0]);
        }

        var lines = head.ToString().Split("\r\n");
        var length = lines
            .Where(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(l => int.Parse(l["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture))
            .FirstOrDefault();
        await stream.ReadExactlyAsync(new byte[length], _stop.Token);

        return lines[0];
    }
}
