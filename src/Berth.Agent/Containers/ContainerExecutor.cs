using Berth.Agent.Docker;
using Berth.Agent.Options;
using Berth.Agent.Reporting;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;

namespace Berth.Agent.Containers;

/// <summary>
/// Runs a reconcile plan against Docker: the one place where containers are pulled, created,
/// started, stopped and removed. Operations on different containers run concurrently; one
/// that fails does not stop the others, and its error becomes that instance's status message.
/// </summary>
internal sealed partial class ContainerExecutor(
    IDockerClient docker,
    AgentOptions options,
    InstanceStatusBoard board,
    ILogger<ContainerExecutor> logger)
{
    /// <summary>How many operations run at once.</summary>
    public const int MaxParallelOperations = 8;

    /// <summary>Runs every operation of <paramref name="plan"/>; returns how many failed.</summary>
    public async Task<int> ExecuteAsync(IReadOnlyList<ContainerOperation> plan, CancellationToken cancellationToken)
    {
        var failures = 0;
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = MaxParallelOperations,
            CancellationToken = cancellationToken,
        };

        await Parallel.ForEachAsync(plan, parallel, async (operation, token) =>
        {
            if (!await TryRunAsync(operation, token))
            {
                Interlocked.Increment(ref failures);
            }
        });

        return failures;
    }

    private async Task<bool> TryRunAsync(ContainerOperation operation, CancellationToken token)
    {
        if (operation is RejectInstance reject)
        {
            board.Failed(reject, reject.Reason);
            Log.InstanceRejected(logger, reject.Assignment.Instance, reject.Assignment.App, reject.Reason);
            return false;
        }

        try
        {
            await RunAsync(operation, token);
            board.Succeeded(operation);
            return true;
        }
        catch (Exception ex) when (!token.IsCancellationRequested)
        {
            var message = ex is DockerOperationException ? ex.Message : DockerErrors.Describe(ex);
            board.Failed(operation, message);
            Log.OperationFailed(logger, operation.GetType().Name, operation.ContainerName, message);
            return false;
        }
    }

    private Task RunAsync(ContainerOperation operation, CancellationToken token) => operation switch
    {
        StartInstance start => StartInstanceAsync(start, token),
        StartContainer start => StartContainerAsync(start, token),
        RemoveContainer remove => RemoveContainerAsync(remove, token),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation.GetType().Name, "unknown operation"),
    };

    private async Task StartInstanceAsync(StartInstance start, CancellationToken token)
    {
        await PullAsync(start.Assignment.Image, token);

        var spec = ContainerSpecBuilder.Build(start.Assignment, start.Port, options.Name);
        var created = await docker.Containers.CreateContainerAsync(spec, token);
        await docker.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), token);

        var assignment = start.Assignment;
        Log.InstanceStarted(logger, assignment.Instance, assignment.App, assignment.Release, start.Port);
    }

    private async Task PullAsync(string image, CancellationToken token)
    {
        var reference = ImageReference.Parse(image);
        var parameters = new ImagesCreateParameters { FromImage = reference.Repository, Tag = reference.PullTag };
        string? error = null;

        try
        {
            var progress = new CallbackProgress<JSONMessage>(message => error ??= message.Error?.Message);
            await docker.Images.CreateImageAsync(parameters, new AuthConfig(), progress, token);
        }
        catch (DockerApiException ex)
        {
            error = DockerErrors.Describe(ex);
        }

        if (error is null)
        {
            Log.ImagePulled(logger, image);
        }
        else if (await ExistsLocallyAsync(image, token))
        {
            Log.PullFailedUsingLocal(logger, image, error);
        }
        else
        {
            throw new DockerOperationException($"pulling image {image} failed: {error}");
        }
    }

    private async Task<bool> ExistsLocallyAsync(string image, CancellationToken token)
    {
        try
        {
            await docker.Images.InspectImageAsync(image, token);
            return true;
        }
        catch (DockerImageNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Starts an existing Berth-managed container, e.g. a crashed one the supervisor restarts.</summary>
    /// <exception cref="DockerOperationException">The container is not labelled as Berth's.</exception>
    public async Task StartStoppedAsync(string id, string name, CancellationToken token)
    {
        await EnsureManagedAsync(id, name, token);
        await docker.Containers.StartContainerAsync(id, new ContainerStartParameters(), token);
    }

    private async Task StartContainerAsync(StartContainer start, CancellationToken token)
    {
        await StartStoppedAsync(start.Id, start.Name, token);

        Log.ContainerRestarted(logger, start.Name);
    }

    private async Task RemoveContainerAsync(RemoveContainer remove, CancellationToken token)
    {
        try
        {
            await EnsureManagedAsync(remove.Id, remove.Name, token);

            var stop = new ContainerStopParameters
            {
                WaitBeforeKillSeconds = (uint)ContainerSpecBuilder.StopGracePeriod.TotalSeconds,
            };
            await docker.Containers.StopContainerAsync(remove.Id, stop, token);

            // Forced, so that a restart racing with the stop cannot leave the container behind.
            var removal = new ContainerRemoveParameters { RemoveVolumes = true, Force = true };
            await docker.Containers.RemoveContainerAsync(remove.Id, removal, token);
        }
        catch (DockerContainerNotFoundException)
        {
            // Already gone: the goal is reached.
        }

        Log.ContainerRemoved(logger, remove.Name);
    }

    /// <summary>A last guard before touching a container by id: it must carry berth.managed=true.</summary>
    private async Task EnsureManagedAsync(string id, string name, CancellationToken token)
    {
        var inspected = await docker.Containers.InspectContainerAsync(id, token);
        var labels = inspected.Config?.Labels ?? new Dictionary<string, string>();

        if (!ContainerLabels.IsManaged(new Dictionary<string, string>(labels)))
        {
            throw new DockerOperationException($"container {name} is not labelled {ContainerLabels.Managed}=true, "
                + "so Berth leaves it alone");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = EventIds.ImagePulled, Level = LogLevel.Debug,
            Message = "Image {Image} pulled")]
        public static partial void ImagePulled(ILogger logger, string image);

        [LoggerMessage(EventId = EventIds.ImagePullFailedUsingLocal, Level = LogLevel.Warning,
            Message = "Pulling image {Image} failed ({Reason}); using the copy already on this node")]
        public static partial void PullFailedUsingLocal(ILogger logger, string image, string reason);

        [LoggerMessage(EventId = EventIds.InstanceStarted, Level = LogLevel.Information,
            Message = "Instance {Instance} of app {App} release {Release} started on port {Port}")]
        public static partial void InstanceStarted(ILogger logger, string instance, string app, int release, int port);

        [LoggerMessage(EventId = EventIds.ContainerRestarted, Level = LogLevel.Information,
            Message = "Container {Container}, created but never started, started")]
        public static partial void ContainerRestarted(ILogger logger, string container);

        [LoggerMessage(EventId = EventIds.ContainerRemoved, Level = LogLevel.Information,
            Message = "Container {Container} is no longer assigned: stopped and removed")]
        public static partial void ContainerRemoved(ILogger logger, string container);

        [LoggerMessage(EventId = EventIds.OperationFailed, Level = LogLevel.Warning,
            Message = "{Operation} of container {Container} failed: {Reason}")]
        public static partial void OperationFailed(ILogger logger, string operation, string container, string reason);

        [LoggerMessage(EventId = EventIds.InstanceRejected, Level = LogLevel.Warning,
            Message = "Instance {Instance} of app {App} cannot start on this node: {Reason}")]
        public static partial void InstanceRejected(ILogger logger, string instance, string app, string reason);
    }
}
