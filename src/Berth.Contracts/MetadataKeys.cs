namespace Berth.Contracts;

/// <summary>The gRPC metadata keys Berth's processes send besides the token.</summary>
public static class MetadataKeys
{
    /// <summary>
    /// Who asks for a change, as the CLI declares it (<c>user@host</c>); also the HTTP header the
    /// pre-receive hook sends with a push.
    /// </summary>
    public const string Actor = "berth-actor";
}
