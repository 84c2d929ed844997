using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;

namespace Berth.IntegrationTests.Fixtures;

/// <summary>
/// A bounded load loop through the edge: several workers send GET requests for one host, one
/// after another each, over pooled keep-alive connections, until stopped, until
/// <see cref="MaxRequests"/> were sent, or until <see cref="MaxDuration"/> passed. It counts
/// every answer by the first word of its body (the release's mark) and every failure (an
/// error or a status other than 200), with the first few failures kept for the test's message.
/// </summary>
public sealed class EdgeLoad : IAsyncDisposable
{
    /// <summary>The most requests one load sends in all.</summary>
    public const int MaxRequests = 200_000;

    /// <summary>The longest one load runs.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(6);

    private const int KeptFailures = 10;

    private readonly HttpClient client;
    private readonly CancellationTokenSource stop = new(MaxDuration);
    private readonly ConcurrentQueue<string> failures = new();
    private readonly ConcurrentQueue<(long Sequence, string Mark)> answers = new();
    private readonly Task[] workers;
    private long sent;
    private long failed;
    private long answered;

    private EdgeLoad(int edgePort, string host, int concurrency)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        };
        client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
        workers = Enumerable.Range(0, concurrency)
            .Select(_ => Task.Run(() => WorkAsync(new Uri($"http://127.0.0.1:{edgePort}/"), host)))
            .ToArray();
    }

    /// <summary>Requests sent so far.</summary>
    public long Sent => Interlocked.Read(ref sent);

    /// <summary>Requests that failed so far.</summary>
    public long Failed => Interlocked.Read(ref failed);

    /// <summary>The first failures, described.</summary>
    public IReadOnlyList<string> Failures => [.. failures];

    /// <summary>Starts <paramref name="concurrency"/> workers requesting <paramref name="host"/>.</summary>
    public static EdgeLoad Start(int edgePort, string host, int concurrency) => new(edgePort, host, concurrency);

    /// <summary>The marks answered, in the order the answers arrived.</summary>
    public IReadOnlyList<string> Marks() => [.. answers.OrderBy(a => a.Sequence).Select(a => a.Mark)];

    /// <summary>Waits until at least <paramref name="count"/> more requests were answered.</summary>
    public async Task WaitForAnswersAsync(int count)
    {
        var target = answers.Count + count;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (answers.Count < target && DateTime.UtcNow < deadline && !stop.IsCancellationRequested)
        {
            await Task.Delay(50);
        }
    }

    /// <summary>Stops the workers and waits for their last requests.</summary>
    public async Task StopAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAll(workers);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        client.Dispose();
        stop.Dispose();
    }

    private async Task WorkAsync(Uri uri, string host)
    {
        while (!stop.IsCancellationRequested && Interlocked.Increment(ref sent) <= MaxRequests)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Host = host;
            request.Headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
            try
            {
                using var response = await client.SendAsync(request, CancellationToken.None);
                var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    answers.Enqueue((Interlocked.Increment(ref answered), body.Split(' ', 2)[0].Trim()));
                }
                else
                {
                    Fail($"{(int)response.StatusCode}: {body.Trim()}");
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Fail($"{e.GetType().Name}: {e.Message}");
            }
        }

        // The loop's last increment did not send a request.
        Interlocked.Decrement(ref sent);
    }

    private void Fail(string description)
    {
        if (Interlocked.Increment(ref failed) <= KeptFailures)
        {
            failures.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {description}");
        }
    }
}
