using Docker.DotNet.Models;

namespace Berth.Agent.Builds;

/// <summary>The lines worth showing from the progress messages of a pull or a push.</summary>
internal static class DockerProgressLines
{
    /// <summary>
    /// The message's status, prefixed with its layer id when it has one; nothing for messages
    /// with a progress bar or without a status.
    /// </summary>
    public static IReadOnlyList<string> Of(JSONMessage message) =>
        message.Progress is not null || string.IsNullOrEmpty(message.Status)
            ? []
            : [string.IsNullOrEmpty(message.ID) ? message.Status : $"{message.ID}: {message.Status}"];
}
