namespace Berth.IntegrationTests.Fixtures;

/// <summary>
/// A git repository of a tiny web app that answers with a mark, its DYNO, its node and the
/// GREETING config var, so tests can tell releases, instances and nodes apart.
/// </summary>
public sealed class AppRepository : IDisposable
{
    private readonly ClusterFixture cluster;

    private AppRepository(ClusterFixture cluster, string directory)
    {
        this.cluster = cluster;
        Directory = directory;
    }

    /// <summary>The working tree.</summary>
    public string Directory { get; }

    /// <summary>Creates the repository with a first commit whose page carries <paramref name="mark"/>.</summary>
    public static async Task<AppRepository> CreateAsync(ClusterFixture cluster, string mark)
    {
        var directory = Path.Combine(cluster.StateDirectory, "repos", Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(directory);
        var repository = new AppRepository(cluster, directory);
        (await cluster.GitAsync(directory, "init", "-q", "-b", "main")).EnsureSuccess("git init");
        await repository.CommitDockerfileAsync(WebDockerfile(mark), $"serve {mark}");
        return repository;
    }

    /// <summary>
    /// A Dockerfile whose page says <paramref name="mark"/>; its log starts with <c>booting MARK</c>.
    /// </summary>
    public static string WebDockerfile(string mark) => $$"""
        FROM berth-base/busybox:1
        ENV MARK={{mark}}
        CMD ["sh", "-c", "echo \"booting $MARK\" && mkdir -p /www && echo \"$MARK $DYNO on $BERTH_NODE greeting=$GREETING\" > /www/index.html && exec httpd -f -p \"$PORT\" -h /www"]

        """;

    /// <summary>Replaces the Dockerfile (or removes it when null) and commits.</summary>
    public async Task CommitDockerfileAsync(string? dockerfile, string message)
    {
        var path = Path.Combine(Directory, "Dockerfile");
        if (dockerfile is null)
        {
            File.Delete(path);
            await File.WriteAllTextAsync(Path.Combine(Directory, "README"), message);
        }
        else
        {
            await File.WriteAllTextAsync(path, dockerfile);
        }

        (await cluster.GitAsync(Directory, "add", "-A")).EnsureSuccess("git add");
        (await cluster.GitAsync(Directory, "commit", "-q", "-m", message)).EnsureSuccess("git commit");
    }

    /// <summary>Writes (or, with null, removes) a file of the working tree and commits.</summary>
    public async Task CommitFileAsync(string name, string? content, string message)
    {
        var path = Path.Combine(Directory, name);
        if (content is null)
        {
            File.Delete(path);
        }
        else
        {
            await File.WriteAllTextAsync(path, content);
        }

        (await cluster.GitAsync(Directory, "add", "-A")).EnsureSuccess("git add");
        (await cluster.GitAsync(Directory, "commit", "-q", "-m", message)).EnsureSuccess("git commit");
    }

    /// <summary>Pushes main to the berth remote.</summary>
    public Task<CommandResult> PushAsync() => cluster.GitAsync(Directory, "push", "berth", "main");

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // The whole state directory goes when the cluster stops.
        }
    }
}
