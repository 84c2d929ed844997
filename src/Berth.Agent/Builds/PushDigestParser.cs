using System.Text.Json;
using System.Text.RegularExpressions;
using Docker.DotNet.Models;

namespace Berth.Agent.Builds;

/// <summary>Finds the repository digest in the progress messages of an image push.</summary>
internal static partial class PushDigestParser
{
    /// <summary>
    /// The digest a push message carries, from its <c>Aux</c> object (<c>{"Digest": "sha256:..."}</c>)
    /// or its status (<c>v3: digest: sha256:... size: 528</c>); null when it carries none.
    /// </summary>
    public static string? Parse(JSONMessage message) =>
        FromAux(message.Aux) ?? FromStatus(message.Status);

    /// <summary>The digest in a push status line; null when there is none.</summary>
    public static string? FromStatus(string? status)
    {
        var match = status is null ? Match.Empty : DigestInStatus().Match(status);

        return match.Success ? match.Groups["digest"].Value : null;
    }

    private static string? FromAux(ObjectExtensionData? aux)
    {
        if (aux?.ExtensionData is null || !aux.ExtensionData.TryGetValue("Digest", out var value))
        {
            return null;
        }

        var digest = value switch
        {
            JsonElement { ValueKind: JsonValueKind.String } element => element.GetString(),
            string text => text,
            _ => null,
        };

        return digest is not null && IsDigest().IsMatch(digest) ? digest : null;
    }

    [GeneratedRegex(@"digest: (?<digest>sha256:[0-9a-f]{64})\b", RegexOptions.CultureInvariant)]
    private static partial Regex DigestInStatus();

    [GeneratedRegex(@"^sha256:[0-9a-f]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex IsDigest();
}
