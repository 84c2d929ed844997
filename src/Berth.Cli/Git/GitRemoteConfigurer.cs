using Berth.Cli.Errors;

namespace Berth.Cli.Git;

/// <summary>
/// Points a git remote at an app's repository on the control plane and makes git ask this
/// CLI for the token when pushing there, so the token never appears in a URL.
/// </summary>
internal sealed class GitRemoteConfigurer
{
    private const int ConfigKeyNotFound = 5;

    private readonly IGitRunner git;

    /// <summary>Creates a configurer that runs <paramref name="git"/>.</summary>
    public GitRemoteConfigurer(IGitRunner git)
    {
        this.git = git;
    }

    /// <summary>Fails with a clear message unless <paramref name="workingDirectory"/> is in a git repository.</summary>
    public async Task EnsureRepositoryAsync(string workingDirectory, CancellationToken cancellationToken)
    {
        var result = await git.RunAsync(workingDirectory, ["rev-parse", "--git-dir"], cancellationToken);
        if (!result.Succeeded)
        {
            throw new CliException(
                $"{workingDirectory} is not inside a git repository; run berth git:remote from your app's " +
                "repository (or run git init there first)");
        }
    }

    /// <summary>
    /// Adds the remote (or changes its URL when it exists) and sets the credential helper and
    /// user name for the git base URL in the repository's own config.
    /// </summary>
    /// <returns>True when the remote was added, false when an existing one was updated.</returns>
    public async Task<bool> ConfigureAsync(GitRemoteRequest request, CancellationToken cancellationToken)
    {
        await EnsureRepositoryAsync(request.WorkingDirectory, cancellationToken);

        var added = await SetRemoteAsync(request, cancellationToken);
        await SetCredentialHelperAsync(request, cancellationToken);

        return added;
    }

    private async Task<bool> SetRemoteAsync(GitRemoteRequest request, CancellationToken cancellationToken)
    {
        var existing = await git.RunAsync(
            request.WorkingDirectory,
            ["remote", "get-url", request.RemoteName],
            cancellationToken);

        var verb = existing.Succeeded ? "set-url" : "add";
        await RunCheckedAsync(request, ["remote", verb, request.RemoteName, request.RemoteUrl], cancellationToken);

        return !existing.Succeeded;
    }

    private async Task SetCredentialHelperAsync(GitRemoteRequest request, CancellationToken cancellationToken)
    {
        var section = $"credential.{request.BaseUrl}";

        // Start the helper list for this URL afresh: the empty value drops helpers from the
        // user's global config (a stale stored password would otherwise be tried first).
        await UnsetAllAsync(request, $"{section}.helper", cancellationToken);
        await RunCheckedAsync(request, ["config", "--local", "--add", $"{section}.helper", ""], cancellationToken);
        await RunCheckedAsync(
            request,
            ["config", "--local", "--add", $"{section}.helper", request.HelperCommand],
            cancellationToken);
    }

    private async Task UnsetAllAsync(GitRemoteRequest request, string key, CancellationToken cancellationToken)
    {
        var result = await git.RunAsync(
            request.WorkingDirectory,
            ["config", "--local", "--unset-all", key],
            cancellationToken);

        if (!result.Succeeded && result.ExitCode != ConfigKeyNotFound)
        {
            throw Failed(["config", "--unset-all", key], result);
        }
    }

    private async Task RunCheckedAsync(
        GitRemoteRequest request,
        IReadOnlyList<string> arguments,
        CancellationToken cancellationToken)
    {
        var result = await git.RunAsync(request.WorkingDirectory, arguments, cancellationToken);
        if (!result.Succeeded)
        {
            throw Failed(arguments, result);
        }
    }

    private static CliException Failed(IReadOnlyList<string> arguments, GitResult result)
    {
        var reason = result.Error.Trim();
        return new CliException(
            $"git {string.Join(' ', arguments.Take(3))} failed (exit code {result.ExitCode}): {reason}");
    }
}
