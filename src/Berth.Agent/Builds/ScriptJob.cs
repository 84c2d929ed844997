using Berth.Agent.Docker;
using Berth.Contracts;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;

namespace Berth.Agent.Builds;

/// <summary>
/// Runs one app.json script (predeploy or postdeploy) in a new container of the release's
/// image, streams its output, and, for a predeploy, commits the container to the image and
/// pushes it. The container is always removed.
/// </summary>
internal sealed partial class ScriptJob(IDockerClient docker, ImagePusher pusher, ILogger<ScriptJob> logger)
{
    private const int BufferSize = 16 * 1024;

    /// <summary>
    /// Runs <paramref name="command"/>'s script; returns the pushed digest of the committed
    /// image, or empty when it was not to be committed. Throws
    /// <see cref="DockerOperationException"/> when the script exits with a non-zero code.
    /// </summary>
    public async Task<string> RunAsync(
        BuildCommand command,
        Action<IReadOnlyList<string>> onLines,
        CancellationToken token)
    {
        await pusher.PullAsync(command.Image, _ => { }, token);
        var inspected = await docker.Images.InspectImageAsync(command.Image, token);
        var original = inspected.Config ?? new DockerOCIImageConfig();
        var name = $"berth-script-{command.App}-{command.BuildId}";
        var created = await docker.Containers.CreateContainerAsync(
            ScriptContainer.Create(command.Image, name, original.Entrypoint), token);

        try
        {
            await docker.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), token);
            var exitCode = await ExecAsync(created.ID, command.Script, onLines, token);
            if (exitCode != 0)
            {
                throw new DockerOperationException(ScriptContainer.ExitError(exitCode));
            }

            if (!command.Script.Commit)
            {
                return "";
            }

            await docker.Images.CommitContainerChangesAsync(
                ScriptContainer.Commit(created.ID, command.Image, original), token);
            return await pusher.PushAsync(command.Image, onLines, token);
        }
        finally
        {
            await JobContainer.RemoveAsync(docker, created.ID, logger);
        }
    }

    private async Task<long> ExecAsync(
        string containerId,
        ScriptRun script,
        Action<IReadOnlyList<string>> onLines,
        CancellationToken token)
    {
        var exec = await docker.Exec.CreateContainerExecAsync(containerId, ScriptContainer.Exec(script), token);
        using var stream = await docker.Exec.StartContainerExecAsync(
            exec.ID, new ContainerExecStartParameters { Detach = false, TTY = false }, token);

        var stdout = new OutputLineSplitter();
        var stderr = new OutputLineSplitter();
        var buffer = new byte[BufferSize];
        while (true)
        {
            var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, token);
            if (read.EOF)
            {
                break;
            }

            var splitter = read.Target == MultiplexedStream.TargetStream.StandardError ? stderr : stdout;
            onLines(splitter.Append(buffer.AsSpan(0, read.Count)));
        }

        onLines(stdout.Finish());
        onLines(stderr.Finish());
        var inspected = await docker.Exec.InspectContainerExecAsync(exec.ID, token);
        return inspected.ExitCode
            ?? throw new DockerOperationException("the engine did not report the script's exit code");
    }
}
