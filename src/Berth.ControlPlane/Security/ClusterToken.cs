using System.Security.Cryptography;
using System.Text;

namespace Berth.ControlPlane.Security;

/// <summary>
/// The cluster token: created at first start into the data directory, presented by the CLI,
/// git pushes, agents and edges.
/// </summary>
public sealed class ClusterToken
{
    // Limitation: one cluster token serves the CLI, git pushes, agents and edges; there are no per-user or
    // per-node credentials, and no TLS between Berth's processes yet.

    private readonly byte[] expected;

    private ClusterToken(string value)
    {
        Value = value;
        expected = Encoding.UTF8.GetBytes(value);
    }

    /// <summary>The token itself; never logged.</summary>
    public string Value { get; }

    /// <summary>Reads the token file, creating a fresh token on first start.</summary>
    public static ClusterToken LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            SecretFile.Write(path, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)) + "\n");
        }

        var value = File.ReadAllText(path).Trim();
        if (value.Length == 0)
        {
            throw new InvalidDataException($"the token file {path} is empty; delete it to create a new token");
        }

        return new ClusterToken(value);
    }

    /// <summary>True when <paramref name="presented"/> is the token, compared in constant time.</summary>
    public bool Matches(string? presented) =>
        !string.IsNullOrEmpty(presented)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), expected);

    /// <summary>True when an Authorization header carries the token as Bearer or as a Basic password.</summary>
    public bool MatchesHeader(string? header)
    {
        if (header is null)
        {
            return false;
        }

        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Matches(header[7..].Trim());
        }

        return BasicCredentials(header) is { } basic && Matches(basic.Password);
    }

    /// <summary>The user name and password of a Basic Authorization header; null for any other header.</summary>
    public static (string User, string Password)? BasicCredentials(string? header)
    {
        if (header is null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon >= 0 ? (decoded[..colon], decoded[(colon + 1)..]) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
