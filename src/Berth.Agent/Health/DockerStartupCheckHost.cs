using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using Berth.Agent.Containers;
using Berth.Core.Health;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Berth.Agent.Health;

/// <summary>
/// The real I/O of startup checks: HTTP and TCP to the instance on 127.0.0.1 (instances use the
/// host network), and Docker for commands run inside the container, its state and its log.
/// </summary>
internal sealed class DockerStartupCheckHost(IDockerClient docker) : IStartupCheckHost, IDisposable
{
    /// <summary>The most of an HTTP body or of the log that is read.</summary>
    public const int MaxReadBytes = 64 * 1024;

    private readonly HttpClient _http = new(CreateHandler()) { Timeout = Timeout.InfiniteTimeSpan };

    /// <inheritdoc />
    public async Task<CheckResult> HttpAsync(HealthCheck check, int port, CancellationToken cancellationToken)
    {
        var scheme = check.Scheme == HealthCheckScheme.Https ? "https" : "http";
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{scheme}://127.0.0.1:{port}{check.Path}");
        foreach (var header in check.HttpHeaders)
        {
            if (header.Name.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.Host = header.Value;
            }
            else
            {
                request.Headers.TryAddWithoutValidation(header.Name, header.Value);
            }
        }

        try
        {
            using var response = await _http.SendAsync(
                request,
                HttpCompletionOption.ResponseHeadersRead,
                cancellationToken);
            var body = await ReadBodyAsync(response, cancellationToken);
            return CheckVerdicts.Http((int)response.StatusCode, body, check.Content);
        }
        catch (HttpRequestException ex)
        {
            return CheckResult.Failed($"GET {request.RequestUri} failed: {ex.GetBaseException().Message}");
        }
    }

    /// <inheritdoc />
    public async Task<CheckResult> CommandAsync(
        HealthCheck check,
        string containerId,
        CancellationToken cancellationToken)
    {
        var parameters = new ContainerExecCreateParameters
        {
            Cmd = [.. check.Command ?? []],
            AttachStdout = true,
            AttachStderr = true,
        };

        // Limitation: a command check that outlives its timeout is abandoned, not killed: Docker's exec API
        // cannot signal an exec'd process, so it runs on inside the container until it ends.
        var exec = await docker.Exec.CreateContainerExecAsync(containerId, parameters, cancellationToken);
        var start = new ContainerExecStartParameters();
        using (var stream = await docker.Exec.StartContainerExecAsync(exec.ID, start, cancellationToken))
        {
            var (stdout, stderr) = await stream.ReadOutputToEndAsync(cancellationToken);
            var inspected = await docker.Exec.InspectContainerExecAsync(exec.ID, cancellationToken);
            return CheckVerdicts.Command(inspected.ExitCode ?? -1, stdout, stderr);
        }
    }

    /// <inheritdoc />
    public async Task<CheckResult> ListeningAsync(int port, CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
            return CheckResult.Passed;
        }
        catch (SocketException ex)
        {
            return CheckResult.Failed($"nothing accepts connections on port {port} ({ex.SocketErrorCode})");
        }
    }

    /// <inheritdoc />
    public async Task<ContainerDetails?> InspectAsync(string containerId, CancellationToken cancellationToken)
    {
        try
        {
            var inspected = await docker.Containers.InspectContainerAsync(containerId, cancellationToken);
            return ContainerDetails.From(inspected.State ?? new State());
        }
        catch (DockerContainerNotFoundException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> LogTailAsync(string containerId, CancellationToken cancellationToken)
    {
        var parameters = new ContainerLogsParameters
        {
            ShowStdout = true,
            ShowStderr = true,
            Tail = LogTail.Lines.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        using var stream = await docker.Containers.GetContainerLogsAsync(containerId, parameters, cancellationToken);
        using var collected = new MemoryStream();
        var buffer = new byte[8192];

        // Both streams go to one buffer in the order Docker sends them, so the lines keep their order.
        while (collected.Length < MaxReadBytes)
        {
            var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellationToken);
            if (read.EOF)
            {
                break;
            }

            collected.Write(buffer, 0, read.Count);
        }

        return LogTail.Last(Encoding.UTF8.GetString(collected.GetBuffer(), 0, (int)collected.Length));
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxReadBytes];
        var total = 0;
        int read;

        while (total < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
        }

        return Encoding.UTF8.GetString(buffer, 0, total);
    }

    private static SocketsHttpHandler CreateHandler() => new()
    {
        // A 3xx answer passes as it is, as Dokku's checks do; connections are not reused, so every
        // attempt reaches the instance afresh.
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.Zero,
        SslOptions = new SslClientAuthenticationOptions
        {
            // The instance is on this node, reached as 127.0.0.1: no certificate can name that, so none is checked.
            RemoteCertificateValidationCallback = static (_, _, _, _) => true,
        },
    };
}
