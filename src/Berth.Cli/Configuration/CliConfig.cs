using System.Text.Json.Serialization;

namespace Berth.Cli.Configuration;

/// <summary>What <c>berth login</c> saves: the control plane to talk to and the token to use.</summary>
/// <param name="Url">The control plane's gRPC URL, e.g. http://127.0.0.1:7000.</param>
/// <param name="Token">The cluster token.</param>
/// <param name="GitBaseUrl">
/// The git endpoint the control plane reported at login; the credential helper answers only
/// for its host. Null for files written without it.
/// </param>
internal sealed record CliConfig(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("gitBaseUrl")] string? GitBaseUrl = null);

/// <summary>
/// The JSON contract of <see cref="CliConfig"/>, generated at build time so the CLI needs no reflection.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(CliConfig))]
internal sealed partial class CliConfigJson : JsonSerializerContext;
