using Berth.Agent.Docker;
using Berth.Agent.Health;
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
    StartupChecker checks,
    ILogger<ContainerExecutor> logger)
{
    /// <summary>How many operations run at once.</summary>
    public const int MaxParallelOperations = 8;

    /// <summary>
    /// Runs every operation of <paramref name="plan"/>; returns how many failed. The images of new
    /// instances are pulled first, each once, while the other operations already run.
    /// </summary>
    public async Task<int> ExecuteAsync(IReadOnlyList<ContainerOperation> plan, CancellationToken cancellationToken)
    {
        var failures = 0;
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = MaxParallelOperations,
            CancellationToken = cancellationToken,
        };
        var images = PrepareImagesAsync(plan, cancellationToken);

        await Parallel.ForEachAsync(plan, parallel, async (operation, token) =>
        {
            if (!await TryRunAsync(operation, images, token, cancellationToken))
            {
                Interlocked.Increment(ref failures);
            }
        });

        return failures;
    }

    private async Task<bool> TryRunAsync(
        ContainerOperation operation,
        Task<IReadOnlyDictionary<string, Task<IList<string>>>> images,
        CancellationToken token,
        CancellationToken stoppingToken)
    {
        if (operation is RejectInstance reject)
        {
            board.Failed(reject, reject.Reason);
            Log.InstanceRejected(logger, reject.Assignment.Instance, reject.Assignment.App, reject.Reason);
            return false;
        }

        try
        {
            await RunAsync(operation, images, token, stoppingToken);
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

    /// <summary>
    /// Runs one operation; <paramref name="stoppingToken"/> outlives the plan, for the startup
    /// checks that the operation begins.
    /// </summary>
    private Task RunAsync(
        ContainerOperation operation,
        Task<IReadOnlyDictionary<string, Task<IList<string>>>> images,
        CancellationToken token,
        CancellationToken stoppingToken) => operation switch
    {
        StartInstance start => StartInstanceAsync(start, images, token, stoppingToken),
        StartContainer start => StartContainerAsync(start, token, stoppingToken),
        RemoveContainer remove => RemoveContainerAsync(remove, token),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation.GetType().Name, "unknown operation"),
    };

    private async Task StartInstanceAsync(
        StartInstance start,
        Task<IReadOnlyDictionary<string, Task<IList<string>>>> images,
        CancellationToken token,
        CancellationToken stoppingToken)
    {
        var imageEnv = await (await images)[start.Assignment.Image];
        var spec = ContainerSpecBuilder.Build(start.Assignment, start.Port, options.Name, imageEnv);
        var created = await docker.Containers.CreateContainerAsync(spec, token);
        await docker.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), token);
        checks.Begin(created.ID, start.Assignment, start.Port, stoppingToken);

        var assignment = start.Assignment;
        Log.InstanceStarted(logger, assignment.Instance, assignment.App, assignment.Release, start.Port);
    }

    /// <summary>
    /// Starts one pull per image that the new instances of <paramref name="plan"/> need and the node
    /// lacks; every image maps to the task its instances wait for, which gives the image's ENV lines
    /// (read once per image, for the Procfile commands' variables) when the image is on the node.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, Task<IList<string>>>> PrepareImagesAsync(
        IReadOnlyList<ContainerOperation> plan,
        CancellationToken token)
    {
        if (!plan.OfType<StartInstance>().Any())
        {
            return new Dictionary<string, Task<IList<string>>>();
        }

        var pulls = ImagePullPlanner.Plan(plan, await LocalImagesAsync(token));
        var tasks = new Dictionary<string, Task<IList<string>>>(StringComparer.Ordinal);

        foreach (var image in pulls.Present)
        {
            Log.ImageAlreadyPresent(logger, image);
            tasks[image] = ImageEnvAsync(image, token);
        }

        foreach (var image in pulls.Pull)
        {
            tasks[image] = PullThenReadEnvAsync(image, token);
        }

        return tasks;
    }

    private async Task<IList<string>> PullThenReadEnvAsync(string image, CancellationToken token)
    {
        await PullAsync(image, token);
        return await ImageEnvAsync(image, token);
    }

    private async Task<IList<string>> ImageEnvAsync(string image, CancellationToken token) =>
        (await docker.Images.InspectImageAsync(image, token)).Config?.Env ?? [];

    /// <summary>The node's image references; empty when Docker cannot list them (every image is then pulled).</summary>
    private async Task<IReadOnlySet<string>> LocalImagesAsync(CancellationToken token)
    {
        try
        {
            var images = await docker.Images.ListImagesAsync(new ImagesListParameters(), token);
            return images
                .SelectMany(image => (image.RepoTags ?? []).Concat(image.RepoDigests ?? []))
                .ToHashSet(StringComparer.Ordinal);
        }
        catch (Exception) when (!token.IsCancellationRequested)
        {
            return new HashSet<string>();
        }
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

    private async Task StartContainerAsync(
        StartContainer start,
        CancellationToken token,
        CancellationToken stoppingToken)
    {
        var inspected = await EnsureManagedAsync(start.Id, start.Name, token);
        await docker.Containers.StartContainerAsync(start.Id, new ContainerStartParameters(), token);
        if (start.Assignment is { } assignment)
        {
            var port = ContainerLabels.ReadNumber(LabelsOf(inspected), ContainerLabels.Port);
            checks.Begin(start.Id, assignment, port, stoppingToken);
        }

        Log.ContainerRestarted(logger, start.Name);
    }

    private async Task RemoveContainerAsync(RemoveContainer remove, CancellationToken token)
    {
        try
        {
            var inspected = await EnsureManagedAsync(remove.Id, remove.Name, token);

            // SIGTERM gets the container's own StopTimeout, which the assignment's
            // stop_timeout_seconds set when the container was created.
            var stop = new ContainerStopParameters { WaitBeforeKillSeconds = StopSeconds(inspected) };
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

    /// <summary>
    /// How long a container gets between SIGTERM and SIGKILL: its own StopTimeout, else Berth's
    /// default (containers are always created with one).
    /// </summary>
    public static uint StopSeconds(ContainerInspectResponse inspected)
    {
        var timeout = inspected.Config?.StopTimeout is { } own && own > TimeSpan.Zero
            ? own
            : InstanceAssignment.DefaultStopTimeout;

        return (uint)Math.Ceiling(timeout.TotalSeconds);
    }

    /// <summary>
    /// A last guard before touching a container by id: it must carry berth.managed=true. Returns
    /// what Docker's inspect found.
    /// </summary>
    private async Task<ContainerInspectResponse> EnsureManagedAsync(string id, string name, CancellationToken token)
    {
        var inspected = await docker.Containers.InspectContainerAsync(id, token);

        return ContainerLabels.IsManaged(LabelsOf(inspected))
            ? inspected
            : throw new DockerOperationException($"container {name} is not labelled {ContainerLabels.Managed}=true, "
                + "so Berth leaves it alone");
    }

    private static Dictionary<string, string> LabelsOf(ContainerInspectResponse inspected) =>
        new(inspected.Config?.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal);

    private static partial class Log
    {
        [LoggerMessage(EventId = EventIds.ImagePulled, Level = LogLevel.Debug,
            Message = "Image {Image} pulled")]
        public static partial void ImagePulled(ILogger logger, string image);

        [LoggerMessage(EventId = EventIds.ImageAlreadyPresent, Level = LogLevel.Debug,
            Message = "Image {Image} is already on this node; not pulled")]
        public static partial void ImageAlreadyPresent(ILogger logger, string image);

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
