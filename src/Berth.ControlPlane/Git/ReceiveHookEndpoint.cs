using System.Text;
using Berth.Contracts;
using Berth.ControlPlane.Deployments;
using Berth.ControlPlane.Security;
using Berth.Core.Apps;

namespace Berth.ControlPlane.Git;

/// <summary>
/// Where a repository's pre-receive hook sends the pushed tree: builds and deploys it and
/// streams the progress back as plain lines, which git shows the pusher as <c>remote:</c>
/// lines. The last line is <c>@@berth:ok</c> when the push may be accepted.
/// </summary>
public sealed class ReceiveHookEndpoint(DeploymentRunner deployments, ClusterToken token)
{
    /// <summary>The line that tells the hook the deployment succeeded.</summary>
    public const string SuccessMarker = "@@berth:ok";

    private const long MaxContextBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>Answers one hook call.</summary>
    public async Task HandleAsync(HttpContext context, string app)
    {
        var response = context.Response;
        if (!token.MatchesHeader(context.Request.Headers.Authorization))
        {
            response.StatusCode = StatusCodes.Status401Unauthorized;
            await response.WriteAsync("Berth refused the hook's token.\n");
            return;
        }

        if (!AppName.IsValid(app))
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            await response.WriteAsync($"'{app}' is not a valid app name.\n");
            return;
        }

        var revision = context.Request.Query["rev"].ToString();
        var tar = await ReadContextAsync(context.Request, context.RequestAborted);
        response.ContentType = "text/plain; charset=utf-8";
        var output = new ResponseOutput(response);

        var actor = Actor.Clean(context.Request.Headers[MetadataKeys.Actor]);
        var result = await deployments.DeployBuildAsync(app, revision, tar, actor, output, context.RequestAborted);
        await output.WriteLineAsync(result.Succeeded ? SuccessMarker : $" !     {result.Error}");
    }

    private static async Task<byte[]> ReadContextAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxContextBytes)
        {
            throw new BadHttpRequestException("the pushed tree is larger than 2 GiB");
        }

        return buffer.ToArray();
    }

    private sealed class ResponseOutput(HttpResponse response) : IDeploymentOutput
    {
        public async Task WriteLineAsync(string line)
        {
            await response.WriteAsync(line + "\n", Encoding.UTF8);
            await response.Body.FlushAsync();
        }
    }
}
