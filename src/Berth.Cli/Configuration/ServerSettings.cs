namespace Berth.Cli.Configuration;

/// <summary>The control plane a command talks to and the token it presents.</summary>
/// <param name="Url">The control plane's gRPC URL.</param>
/// <param name="Token">The cluster token.</param>
/// <param name="GitBaseUrl">The git endpoint saved at login, when it belongs to <paramref name="Url"/>.</param>
internal sealed record ServerSettings(string Url, string Token, string? GitBaseUrl = null);
