using Berth.Agent.Docker;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;

namespace Berth.Agent.Builds;

/// <summary>
/// The end of the containers jobs create for a moment: a script's, or one an image's files are
/// read from.
/// </summary>
internal static partial class JobContainer
{
    /// <summary>Removes the container, running or not; a failure is logged, never thrown.</summary>
    public static async Task RemoveAsync(IDockerClient docker, string containerId, ILogger logger)
    {
        try
        {
            var parameters = new ContainerRemoveParameters { Force = true };
            await docker.Containers.RemoveContainerAsync(containerId, parameters, CancellationToken.None);
        }
        catch (Exception ex) when (ex is DockerApiException or HttpRequestException or IOException)
        {
            Log.NotRemoved(logger, containerId, DockerErrors.Describe(ex));
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = EventIds.JobContainerNotRemoved, Level = LogLevel.Warning,
            Message = "The job container {Container} could not be removed: {Reason}")]
        public static partial void NotRemoved(ILogger logger, string container, string reason);
    }
}
