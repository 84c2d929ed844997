using System.Diagnostics;
using System.Text;
using Berth.ControlPlane.Security;
using Berth.ControlPlane.Store;
using Berth.Core.Apps;

namespace Berth.ControlPlane.Git;

/// <summary>
/// Serves git's smart HTTP protocol at /git/&lt;app&gt;.git by running git http-backend as a
/// CGI program. A push must carry the cluster token as its password; the repository's
/// pre-receive hook reaches the control plane back through the receive hook endpoint.
/// </summary>
public sealed partial class GitHttpEndpoint(
    GitRepositories repositories,
    IClusterStore store,
    ClusterToken token,
    ControlPlaneOptions options,
    ILogger<GitHttpEndpoint> logger)
{
    /// <summary>Answers one git request.</summary>
    public async Task HandleAsync(HttpContext context, string repository, string rest)
    {
        if (!token.MatchesHeader(context.Request.Headers.Authorization))
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"Berth\"";
            await PlainAsync(context, StatusCodes.Status401Unauthorized,
                "Berth refused the credentials: push with the cluster token (run `berth git:remote APP`).");
            return;
        }

        var app = repository.EndsWith(".git", StringComparison.Ordinal) ? repository[..^4] : repository;
        if (!AppName.IsValid(app) || await store.GetAppAsync(app, context.RequestAborted) is null)
        {
            await PlainAsync(context, StatusCodes.Status404NotFound,
                $"Berth has no app named '{app}'; create it with `berth apps:create {app}` and push again.");
            return;
        }

        await repositories.EnsureAsync(app, context.RequestAborted);
        await RunBackendAsync(context, app, rest);
    }

    private async Task RunBackendAsync(HttpContext context, string app, string rest)
    {
        using var process = Process.Start(BackendStart(context, app, rest))
            ?? throw new InvalidOperationException("could not start git http-backend");
        var errors = process.StandardError.ReadToEndAsync(context.RequestAborted);
        var input = FeedRequestAsync(context, process);

        var output = process.StandardOutput.BaseStream;
        var headers = await CgiResponse.ReadHeadersAsync(output, context.RequestAborted);
        CgiResponse.Apply(headers, context.Response);
        await CgiResponse.CopyBodyAsync(output, context.Response, context.RequestAborted);

        await input;
        await process.WaitForExitAsync(context.RequestAborted);
        var stderr = await errors;
        if (process.ExitCode != 0 || stderr.Length > 0)
        {
            Log.BackendOutput(logger, app, process.ExitCode, stderr.Trim());
        }
    }

    private ProcessStartInfo BackendStart(HttpContext context, string app, string rest)
    {
        var request = context.Request;
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("http-backend");

        var env = start.Environment;
        env["GIT_PROJECT_ROOT"] = repositories.Root;
        env["GIT_HTTP_EXPORT_ALL"] = "1";
        env["PATH_INFO"] = $"/{app}.git{rest}";
        env["REQUEST_METHOD"] = request.Method;
        env["QUERY_STRING"] = request.QueryString.HasValue ? request.QueryString.Value![1..] : "";
        env["CONTENT_TYPE"] = request.ContentType ?? "";
        env["REMOTE_USER"] = Actor.OfGitPush(request.Headers.Authorization);
        env["REMOTE_ADDR"] = context.Connection.RemoteIpAddress?.ToString() ?? "";
        env["HTTP_CONTENT_ENCODING"] = request.Headers.ContentEncoding.ToString();
        env["GIT_PROTOCOL"] = request.Headers["Git-Protocol"].ToString();
        if (request.ContentLength is { } length)
        {
            env["CONTENT_LENGTH"] = length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        env["BERTH_HOOK_URL"] = $"http://{options.HttpEndpoint}/hooks/receive/{app}";
        env["BERTH_HOOK_TOKEN"] = token.Value;
        return start;
    }

    private static async Task FeedRequestAsync(HttpContext context, Process process)
    {
        try
        {
            await context.Request.Body.CopyToAsync(process.StandardInput.BaseStream, context.RequestAborted);
        }
        finally
        {
            process.StandardInput.Close();
        }
    }

    private static async Task PlainAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(message + "\n", Encoding.UTF8);
    }
}
