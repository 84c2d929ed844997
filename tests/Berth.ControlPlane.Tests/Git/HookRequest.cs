namespace Berth.ControlPlane.Tests.Git;

/// <summary>One request the pre-receive hook sent to the stub endpoint.</summary>
internal sealed record HookRequest(
    string Method,
    string? Authorization,
    string? Actor,
    string? ContentType,
    string? Revision,
    byte[] Body);
