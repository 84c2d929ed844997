using System.Globalization;

namespace Berth.Agent.Docker;

/// <summary>Reads the RFC 3339 times Docker reports, e.g. a container's <c>State.StartedAt</c>.</summary>
internal static class DockerTimestamp
{
    /// <summary>
    /// The time in <paramref name="text"/>, in UTC; null when it is empty, unreadable or Docker's
    /// zero time (<c>0001-01-01T00:00:00Z</c>, "never"). Docker's nanoseconds are rounded to .NET's 100 ns.
    /// </summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)
            || !DateTimeOffset.TryParse(
                text,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                out var time))
        {
            return null;
        }

        return time.Year <= 1 ? null : time.ToUniversalTime();
    }

    /// <summary>
    /// ISO 8601 in UTC, as every Berth timestamp is written, e.g.
    /// <c>2025-05-01T12:00:00.0000000+00:00</c>.
    /// </summary>
    public static string Format(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
