namespace Berth.Core.Health;

/// <summary>
/// Reads one check line of a CHECKS file: <c>[http:|https:][//host]/path [expected text]</c>.
/// </summary>
internal static class ChecksFileTarget
{
    private const string HttpsPrefix = "https://";

    private const string HttpPrefix = "http://";

    /// <summary>True when <paramref name="line"/> (trimmed, comment removed) starts like a check.</summary>
    public static bool IsTarget(string line) =>
        line.StartsWith('/')
        || line.StartsWith(HttpsPrefix, StringComparison.OrdinalIgnoreCase)
        || line.StartsWith(HttpPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The check the line describes, or null and an error.</summary>
    public static HealthCheck? Read(string line, int number, string name, ICollection<string> errors)
    {
        var blank = line.IndexOfAny([' ', '\t']);
        var target = blank < 0 ? line : line[..blank];
        var content = blank < 0 ? string.Empty : line[blank..].Trim();

        var scheme = HealthCheckScheme.Http;
        if (target.StartsWith(HttpsPrefix, StringComparison.OrdinalIgnoreCase))
        {
            scheme = HealthCheckScheme.Https;
            target = target["https:".Length..];
        }
        else if (target.StartsWith(HttpPrefix, StringComparison.OrdinalIgnoreCase))
        {
            target = target["http:".Length..];
        }

        var (host, path) = SplitHost(target);
        if (host is { Length: 0 })
        {
            errors.Add(
                $"CHECKS line {number}: '{line[..(blank < 0 ? line.Length : blank)]}' names no host after '//'; "
                + "write e.g. '//example.com/health', or '/health' to check without a host.");
            return null;
        }

        return HealthCheck.ForPath(name, path) with
        {
            Scheme = scheme,
            Content = content.Length == 0 ? null : content,
            HttpHeaders = host is null ? [] : [new HttpHeader("Host", host)],
        };
    }

    /// <summary>
    /// Splits <c>//host/path</c> into the host and the path (<c>/</c> when none); a target without
    /// <c>//</c> has no host.
    /// </summary>
    private static (string? Host, string Path) SplitHost(string target)
    {
        if (!target.StartsWith("//", StringComparison.Ordinal))
        {
            return (null, target);
        }

        var rest = target[2..];
        var end = rest.IndexOfAny(['/', '?']);
        if (end < 0)
        {
            return (rest, "/");
        }

        var path = rest[end..];
        return (rest[..end], path.StartsWith('?') ? "/" + path : path);
    }
}
