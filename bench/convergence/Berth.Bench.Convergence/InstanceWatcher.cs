using Berth.Contracts;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace Berth.Bench.Convergence;

/// <summary>
/// Polls ListInstances until the watched process type has converged, writing one line per change:
/// <c>ready EPOCH_MS total=T running=R</c> after the first answer, <c>seen EPOCH_MS ...</c> when the
/// counts change, and <c>converged EPOCH_MS ...</c> at the end. Times are Unix milliseconds taken when
/// the answer arrived, so the script can subtract the moment it issued its command.
/// </summary>
internal static class InstanceWatcher
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Watches until convergence (exit code 0) or <paramref name="cancellationToken"/> fires (1).</summary>
    public static async Task<int> RunAsync(
        WatchOptions options,
        TextWriter output,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var token = (await File.ReadAllTextAsync(options.TokenFile, cancellationToken)).Trim();
        using var channel = GrpcChannel.ForAddress(options.Api);
        var client = new Apps.AppsClient(channel.Intercept(metadata => WithToken(metadata, token)));

        try
        {
            await WatchAsync(client, options, output, time, cancellationToken);
            return 0;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await output.WriteLineAsync($"timeout {Now(time)}");
            return 1;
        }
    }

    private static async Task WatchAsync(
        Apps.AppsClient client,
        WatchOptions options,
        TextWriter output,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        InstanceCount? last = null;
        var request = new AppRequest { App = options.App };

        while (true)
        {
            var response = await client.ListInstancesAsync(
                request,
                deadline: time.GetUtcNow().UtcDateTime + CallTimeout,
                cancellationToken: cancellationToken);
            var count = InstanceCount.Of(response, options.Process);

            var converged = count.IsConverged(options.Count);
            var word = converged ? "converged" : last is null ? "ready" : "seen";
            if (converged || count != last)
            {
                await WriteAsync(output, word, time, count);
            }

            if (converged)
            {
                return;
            }

            last = count;
            await Task.Delay(options.Interval, time, cancellationToken);
        }
    }

    private static async Task WriteAsync(TextWriter output, string word, TimeProvider time, InstanceCount count)
    {
        await output.WriteLineAsync($"{word} {Now(time)} total={count.Total} running={count.Running}");
        await output.FlushAsync();
    }

    private static long Now(TimeProvider time) => time.GetUtcNow().ToUnixTimeMilliseconds();

    private static Metadata WithToken(Metadata metadata, string token)
    {
        metadata.Add("authorization", $"Bearer {token}");
        return metadata;
    }
}
