using Berth.Contracts;
using Berth.ControlPlane.Deployments;
using Berth.ControlPlane.Security;
using Grpc.Core;

namespace Berth.ControlPlane.Api;

/// <summary>The deploy-without-git part of the app API: <c>berth deploy APP --image REF | --tar PATH</c>.</summary>
public sealed partial class AppsService
{
    /// <summary>The largest build context a deploy takes, as for a git push.</summary>
    public const long MaxDeployContextBytes = 2L * 1024 * 1024 * 1024;

    /// <inheritdoc />
    public override async Task Deploy(
        IAsyncStreamReader<DeployRequest> requestStream,
        IServerStreamWriter<DeployOutput> responseStream,
        ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var first = await requestStream.MoveNext(ct) ? requestStream.Current : null;
        var errors = DeployRequestRules.Check(first);
        if (errors.Count > 0)
        {
            throw ApiErrors.Invalid(errors);
        }

        var app = await RequireAppAsync(first!.App, ct);
        var output = new StreamOutput(responseStream);
        var description = first.Description.Length > 0 ? first.Description : null;

        var actor = Actor.Of(context);
        var result = first.Image.Length > 0
            ? await deployments.DeployImageAsync(app.Name, first.Image, description, actor, output, ct)
            : await deployments.DeployBuildAsync(
                app.Name,
                "",
                await ReadTarAsync(first, requestStream, ct),
                actor,
                output,
                ct,
                description ?? "deploy --tar");

        await output.WriteAsync(new DeployOutput
        {
            Outcome = new DeployOutcome
            {
                Ok = result.Succeeded,
                Release = result.Release,
                Error = result.Error,
                Url = result.Succeeded ? options.AppUrl(app.Name) : "",
            },
        });
    }

    private static async Task<byte[]> ReadTarAsync(
        DeployRequest first,
        IAsyncStreamReader<DeployRequest> requestStream,
        CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        first.TarChunk.WriteTo(buffer);
        while (await requestStream.MoveNext(ct))
        {
            requestStream.Current.TarChunk.WriteTo(buffer);
            if (buffer.Length > MaxDeployContextBytes)
            {
                throw ApiErrors.Invalid(
                    "the build context is larger than 2 GiB; leave out what the build does not need");
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Deployment progress sent to the deploying client as output lines, one write at a time.</summary>
    private sealed class StreamOutput(IServerStreamWriter<DeployOutput> stream) : IDeploymentOutput
    {
        private readonly SemaphoreSlim gate = new(1, 1);

        public Task WriteLineAsync(string line) => WriteAsync(new DeployOutput { Line = line });

        public async Task WriteAsync(DeployOutput message)
        {
            await gate.WaitAsync();
            try
            {
                await stream.WriteAsync(message);
            }
            finally
            {
                gate.Release();
            }
        }
    }
}
