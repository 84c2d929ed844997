namespace Berth.Cli.Git;

/// <summary>
/// What git asks a credential helper for: the <c>key=value</c> lines it writes to the
/// helper's standard input (protocol, host with an optional port, path, ...).
/// </summary>
/// <param name="Attributes">Every attribute git sent; later lines win.</param>
internal sealed record CredentialRequest(IReadOnlyDictionary<string, string> Attributes)
{
    /// <summary>The protocol, e.g. http; null when git did not send one.</summary>
    public string? Protocol => Attributes.GetValueOrDefault("protocol");

    /// <summary>The host, with <c>:port</c> when not the default; null when git did not send one.</summary>
    public string? Host => Attributes.GetValueOrDefault("host");

    /// <summary>Reads the request: lines up to a blank line or the end of input.</summary>
    public static async Task<CredentialRequest> ReadAsync(TextReader reader, CancellationToken cancellationToken)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);

        while (await reader.ReadLineAsync(cancellationToken) is { Length: > 0 } line)
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                attributes[line[..equals]] = line[(equals + 1)..];
            }
        }

        return new CredentialRequest(attributes);
    }

    /// <summary>
    /// True when the request is for the server at <paramref name="gitBaseUrl"/> (same protocol,
    /// host and port), or when it names no protocol or host to compare.
    /// </summary>
    public bool IsFor(string gitBaseUrl)
    {
        if (Protocol is null || Host is null)
        {
            return true;
        }

        if (!Uri.TryCreate(gitBaseUrl, UriKind.Absolute, out var server))
        {
            return false;
        }

        var serverHost = $"{server.Host}:{server.Port}";
        return string.Equals(Protocol, server.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(WithPort(Host, server.Scheme), serverHost, StringComparison.OrdinalIgnoreCase);
    }

    private static string WithPort(string host, string scheme)
    {
        if (Uri.TryCreate($"{scheme}://{host}/", UriKind.Absolute, out var uri))
        {
            return $"{uri.Host}:{uri.Port}";
        }

        return host;
    }
}
