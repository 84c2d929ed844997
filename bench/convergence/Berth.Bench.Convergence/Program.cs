using Berth.Bench.Convergence;

var options = WatchOptions.Parse(args);
if (options is null)
{
    await Console.Error.WriteLineAsync(WatchOptions.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource(options.Timeout);
return await InstanceWatcher.RunAsync(options, Console.Out, TimeProvider.System, cancel.Token);
