using Berth.Core.Apps;

namespace Berth.ControlPlane.Git;

/// <summary>
/// The bare git repository of every app, each with Berth's pre-receive hook, which builds
/// and deploys a pushed main or master branch and refuses the push when that fails.
/// </summary>
public sealed class GitRepositories(ControlPlaneOptions options)
{
    private const string PreReceiveHook = """
        #!/bin/sh
        # Berth's pre-receive hook: sends the pushed tree of main or master to the control plane,
        # which builds and deploys it; relays its progress, and refuses the push when it fails.
        relay() {
          ok=1
          while IFS= read -r line; do
            if [ "$line" = "@@berth:ok" ]; then ok=0; else printf '%s\n' "$line"; fi
          done
          return $ok
        }
        status=0
        while read -r old new ref; do
          case "$ref" in
            refs/heads/main|refs/heads/master) ;;
            *) echo "Berth deploys only main or master: $ref is stored, not deployed."; continue ;;
          esac
          [ "$new" = "0000000000000000000000000000000000000000" ] && continue
          git archive --format=tar "$new" \
            | curl -sS -N -X POST -H "Authorization: Bearer $BERTH_HOOK_TOKEN" -H "Berth-Actor: $REMOTE_USER" \
                -H "Content-Type: application/x-tar" --data-binary @- "$BERTH_HOOK_URL?rev=$new" \
            | relay || status=1
        done
        exit $status

        """;

    /// <summary>The directory holding every app's repository.</summary>
    public string Root { get; } = Path.Combine(options.DataDirectory, "git");

    /// <summary>The repository directory of <paramref name="app"/>.</summary>
    public string PathOf(string app) =>
        AppName.IsValid(app)
            ? Path.Combine(Root, app + ".git")
            : throw new ArgumentException($"'{app}' is not a valid app name", nameof(app));

    /// <summary>
    /// Creates the app's bare repository unless it exists, and gives it this version's hook
    /// (a repository made by an older control plane gets the current one).
    /// </summary>
    public async Task EnsureAsync(string app, CancellationToken ct)
    {
        var path = PathOf(app);
        var hook = Path.Combine(path, "hooks", "pre-receive");
        if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(Root);
            await RunGitAsync(["init", "--quiet", "--bare", "-b", "main", path], ct);
            await RunGitAsync(["-C", path, "config", "http.receivepack", "true"], ct);
        }
        else if (File.Exists(hook) && await File.ReadAllTextAsync(hook, ct) == PreReceiveHook)
        {
            return;
        }

        await File.WriteAllTextAsync(hook, PreReceiveHook, ct);
        File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>The tree of commit <paramref name="revision"/> of the app's repository, as a tar.</summary>
    public async Task<byte[]> ArchiveAsync(string app, string revision, CancellationToken ct)
    {
        var (exitCode, tar, errors) = await ProcessRunner.RunForBytesAsync(
            "git", ["-C", PathOf(app), "archive", "--format=tar", revision], ct);
        return exitCode == 0
            ? tar
            : throw new InvalidOperationException($"git archive of {app} at {revision} failed: {errors.Trim()}");
    }

    /// <summary>Deletes the app's repository.</summary>
    public void Delete(string app)
    {
        var path = PathOf(app);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    private static async Task RunGitAsync(string[] arguments, CancellationToken ct)
    {
        var (exitCode, output) = await ProcessRunner.RunAsync("git", arguments, ct);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {output.Trim()}");
        }
    }
}
