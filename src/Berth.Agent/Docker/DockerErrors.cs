using System.Text.Json;
using Docker.DotNet;

namespace Berth.Agent.Docker;

/// <summary>Turns exceptions from the Docker client into short sentences for statuses and logs.</summary>
internal static class DockerErrors
{
    /// <summary>
    /// The engine's own message for API errors (the <c>message</c> field of its JSON body),
    /// otherwise the exception's message with its root cause, e.g. why the socket failed.
    /// </summary>
    public static string Describe(Exception exception) => exception switch
    {
        DockerApiException api => EngineMessage(api.ResponseBody) ?? $"Docker answered {(int)api.StatusCode}",
        { InnerException: not null } => $"{exception.Message} ({exception.GetBaseException().Message})",
        _ => exception.Message,
    };

    /// <summary>The <c>message</c> field of a Docker error body; null when there is none.</summary>
    public static string? EngineMessage(string? responseBody)
    {
        if (string.IsNullOrWhiteSpace(responseBody))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(responseBody);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("message", out var message)
                && message.ValueKind == JsonValueKind.String
                    ? message.GetString()
                    : responseBody.Trim();
        }
        catch (JsonException)
        {
            return responseBody.Trim();
        }
    }
}
