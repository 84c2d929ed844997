using Berth.Agent.Connection;
using Berth.Agent.Docker;
using Berth.Contracts;
using Docker.DotNet;
using Docker.DotNet.Models;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Berth.Agent.Builds;

/// <summary>
/// Runs build commands: fetches the build context from the control plane into a temporary
/// file, builds it with Docker (output streamed back as build log lines), pushes the image to
/// the registry and reports the result with the pushed digest, and the files asked for from
/// the image (<see cref="ImageFiles"/>). The same command may instead ask for a pull
/// (<see cref="PullJob"/>) or a script run (<see cref="ScriptJob"/>); each is answered the same
/// way. Jobs run alongside reconciles.
/// </summary>
internal sealed partial class BuildRunner(
    ControlPlaneClient client,
    IDockerClient docker,
    AgentOutbox outbox,
    ImagePusher pusher,
    PullJob pulls,
    ScriptJob scripts,
    ImageFiles files,
    ILogger<BuildRunner> logger)
{
    /// <summary>The Dockerfile's name at the root of the build context.</summary>
    public const string Dockerfile = "Dockerfile";

    // Limitation: builds are neither queued nor capped; every build command starts at once.
    /// <summary>Starts <paramref name="command"/> in the background; its result is sent when it ends.</summary>
    public void Start(BuildCommand command, CancellationToken stoppingToken) =>
        _ = Task.Run(() => RunAsync(command, stoppingToken), CancellationToken.None);

    /// <summary>Runs <paramref name="command"/> to its end and sends its result; never throws.</summary>
    public async Task RunAsync(BuildCommand command, CancellationToken stoppingToken)
    {
        var kind = BuildJobKinds.Of(command);
        Log.Started(logger, command.BuildId, kind, command.App, command.Image);
        var result = new BuildResult { BuildId = command.BuildId };
        void OnLines(IReadOnlyList<string> lines) => SendLines(command.BuildId, lines);

        try
        {
            result.Digest = kind switch
            {
                BuildJobKind.Pull => await pulls.RunAsync(command, OnLines, stoppingToken),
                BuildJobKind.Script => await scripts.RunAsync(command, OnLines, stoppingToken),
                _ => await BuildAndPushAsync(command, stoppingToken),
            };
            if (kind != BuildJobKind.Script && command.ReadFiles.Count > 0)
            {
                var found = await files.ReadAsync(command.Image, command.ReadFiles, command.BuildId, stoppingToken);
                result.FilesDirectory = found.Directory;
                foreach (var (name, text) in found.Files)
                {
                    result.Files[name] = text;
                }
            }

            result.Ok = true;
            Log.Succeeded(logger, command.BuildId, command.App, command.Image, result.Digest);
        }
        catch (Exception ex)
        {
            result.Error = Describe(ex);
            Log.Failed(logger, command.BuildId, command.App, result.Error);
        }

        outbox.TrySend(new AgentMessage { BuildResult = result });
    }

    private async Task<string> BuildAndPushAsync(BuildCommand command, CancellationToken token)
    {
        var contextPath = Path.Combine(Path.GetTempPath(), $"berth-build-{Guid.NewGuid():N}.tar");
        try
        {
            await FetchContextAsync(command.BuildId, contextPath, token);
            await BuildImageAsync(command, contextPath, token);
            return await pusher.PushAsync(command.Image, lines => SendLines(command.BuildId, lines), token);
        }
        finally
        {
            DeleteContext(contextPath);
        }
    }

    private async Task FetchContextAsync(string buildId, string path, CancellationToken token)
    {
        var fileOptions = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Options = FileOptions.Asynchronous,
            UnixCreateMode = OperatingSystem.IsWindows() ? null : UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };

        using var call = client.FetchBuildContext(buildId, token);
        await using var file = new FileStream(path, fileOptions);
        await foreach (var chunk in call.ResponseStream.ReadAllAsync(token))
        {
            await file.WriteAsync(chunk.Data.Memory, token);
        }
    }

    private async Task BuildImageAsync(BuildCommand command, string contextPath, CancellationToken token)
    {
        var parameters = new ImageBuildParameters
        {
            Tags = [command.Image],
            Dockerfile = Dockerfile,
            NetworkMode = "host",
            Remove = true,
            ForceRemove = true,
        };
        string? error = null;
        var progress = new CallbackProgress<JSONMessage>(message =>
        {
            SendLines(command.BuildId, BuildOutput.Lines(message.Stream));
            error ??= message.Error?.Message;
        });

        await using var context = File.OpenRead(contextPath);
        await docker.Images.BuildImageFromDockerfileAsync(
            parameters, context, [], new Dictionary<string, string>(), progress, token);

        if (error is not null)
        {
            throw new DockerOperationException($"the image build failed: {error}");
        }
    }

    private void SendLines(string buildId, IReadOnlyList<string> lines)
    {
        foreach (var line in lines)
        {
            outbox.TrySend(new AgentMessage { BuildLog = new BuildLog { BuildId = buildId, Line = line } });
        }
    }

    private void DeleteContext(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.ContextNotDeleted(logger, path, ex.Message);
        }
    }

    private static string Describe(Exception exception) => exception switch
    {
        DockerOperationException => exception.Message,
        RpcException rpc => $"fetching the build context failed: {rpc.StatusCode}: {rpc.Status.Detail}",
        OperationCanceledException => "the agent stopped before the build finished",
        _ => DockerErrors.Describe(exception),
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = EventIds.BuildStarted, Level = LogLevel.Information,
            Message = "Build {BuildId} ({Kind}) of app {App} started, tagging {Image}")]
        public static partial void Started(ILogger logger, string buildId, BuildJobKind kind, string app, string image);

        [LoggerMessage(EventId = EventIds.BuildSucceeded, Level = LogLevel.Information,
            Message = "Build {BuildId} of app {App} pushed {Image} as {Digest}")]
        public static partial void Succeeded(ILogger logger, string buildId, string app, string image, string digest);

        [LoggerMessage(EventId = EventIds.BuildFailed, Level = LogLevel.Warning,
            Message = "Build {BuildId} of app {App} failed: {Reason}")]
        public static partial void Failed(ILogger logger, string buildId, string app, string reason);

        [LoggerMessage(EventId = EventIds.BuildContextNotDeleted, Level = LogLevel.Warning,
            Message = "The build context file {Path} could not be deleted: {Reason}")]
        public static partial void ContextNotDeleted(ILogger logger, string path, string reason);
    }
}
