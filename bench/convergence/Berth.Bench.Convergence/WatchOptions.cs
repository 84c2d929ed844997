using System.Globalization;

namespace Berth.Bench.Convergence;

/// <summary>What to watch, where, and for how long.</summary>
/// <param name="Api">The control plane's gRPC URL, e.g. <c>http://127.0.0.1:7000</c>.</param>
/// <param name="TokenFile">The file holding the cluster token.</param>
/// <param name="App">The app whose instances are watched.</param>
/// <param name="Process">The process type counted, e.g. <c>web</c>.</param>
/// <param name="Count">How many instances of the type must exist, every one of them running.</param>
/// <param name="Interval">The pause between two polls.</param>
/// <param name="Timeout">How long to wait before giving up.</param>
internal sealed record WatchOptions(
    string Api,
    string TokenFile,
    string App,
    string Process,
    int Count,
    TimeSpan Interval,
    TimeSpan Timeout)
{
    /// <summary>The command line, for errors.</summary>
    public const string Usage =
        "usage: Berth.Bench.Convergence --api URL --token-file FILE --app APP --count N "
        + "[--process web] [--interval-ms 100] [--timeout-seconds 300]";

    /// <summary>Reads the options from <paramref name="args"/>; null when one is missing or malformed.</summary>
    public static WatchOptions? Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        if (args.Count % 2 != 0
            || !values.TryGetValue("--api", out var api)
            || !values.TryGetValue("--token-file", out var tokenFile)
            || !values.TryGetValue("--app", out var app)
            || Number(values, "--count", -1) is not (>= 0 and var count))
        {
            return null;
        }

        return new WatchOptions(
            api,
            tokenFile,
            app,
            values.GetValueOrDefault("--process", "web"),
            count,
            TimeSpan.FromMilliseconds(Math.Max(10, Number(values, "--interval-ms", 100))),
            TimeSpan.FromSeconds(Math.Max(1, Number(values, "--timeout-seconds", 300))));
    }

    private static int Number(Dictionary<string, string> values, string name, int fallback) =>
        values.TryGetValue(name, out var text)
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : -1
            : fallback;
}
