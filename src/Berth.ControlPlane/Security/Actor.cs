using System.Text;
using Berth.Contracts;
using Grpc.Core;

namespace Berth.ControlPlane.Security;

/// <summary>
/// Who asked for a change, as a release records it: the name the CLI declares, its user and
/// host (<c>alice@laptop</c>), sent with every API call and as the user name of a git push.
/// </summary>
public static class Actor
{
    // Limitation: the name is declared, not proven; one cluster token serves every user, so a client can send any
    // name.

    /// <summary>The longest name kept.</summary>
    public const int MaxLength = 100;

    /// <summary>
    /// The declared name fit to store and show: printable ASCII only (anything else becomes
    /// <c>?</c>), trimmed, at most <see cref="MaxLength"/> characters; empty when none was sent.
    /// </summary>
    public static string Clean(string? declared)
    {
        var trimmed = (declared ?? "").Trim();
        var name = new StringBuilder(Math.Min(trimmed.Length, MaxLength));
        foreach (var c in trimmed.Take(MaxLength))
        {
            name.Append(c is >= ' ' and <= '~' ? c : '?');
        }

        return name.ToString();
    }

    /// <summary>The name a gRPC call declares.</summary>
    public static string Of(ServerCallContext context) => Clean(context.RequestHeaders.GetValue(MetadataKeys.Actor));

    /// <summary>The name a git push declares: the user name of its Basic credentials.</summary>
    public static string OfGitPush(string? authorization) => Clean(ClusterToken.BasicCredentials(authorization)?.User);
}
