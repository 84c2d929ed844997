using System.Globalization;

namespace Berth.Agent.Supervision;

/// <summary>The status message of a crashed instance, e.g. <c>exited with code 3; restarting in 4 s</c>.</summary>
internal static class CrashDescription
{
    /// <summary>
    /// The message for <paramref name="record"/>. It names the wait chosen, not the time left,
    /// so it stays the same from one report to the next.
    /// </summary>
    public static string Describe(RestartRecord record)
    {
        var exit = record.OutOfMemory
            ? $"exited with code {Number(record.ExitCode)} (out of memory)"
            : $"exited with code {Number(record.ExitCode)}";

        return record.StartError.Length == 0
            ? $"{exit}; restarting in {Duration(record.Delay)}"
            : $"{exit}; starting it again failed ({record.StartError}); next try in {Duration(record.Delay)}";
    }

    /// <summary>A wait as people read it: <c>4 s</c>, <c>2 min 8 s</c>, <c>5 min</c>.</summary>
    public static string Duration(TimeSpan delay)
    {
        var seconds = (long)Math.Ceiling(Math.Max(delay.TotalSeconds, 0));
        var (minutes, rest) = Math.DivRem(seconds, 60);

        return (minutes, rest) switch
        {
            (0, _) => $"{Number(rest)} s",
            (_, 0) => $"{Number(minutes)} min",
            _ => $"{Number(minutes)} min {Number(rest)} s",
        };
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
