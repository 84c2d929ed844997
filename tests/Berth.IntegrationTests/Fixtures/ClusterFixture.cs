using System.Net.Http.Headers;
using Berth.Contracts;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace Berth.IntegrationTests.Fixtures;

/// <summary>
/// A whole Berth cluster on this machine, started through deploy/local-cluster.sh on ports
/// of its own (so it runs beside a developer's local cluster): a registry, the control
/// plane, <see cref="NodeCount"/> nodes each with its own dockerd and agent, and an edge.
/// Stopped and deleted when the tests end.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    /// <summary>How many nodes the test cluster has.</summary>
    public const int NodeCount = 3;

    /// <summary>The edge's port.</summary>
    public const int EdgePort = 18080;

    private const int ApiPort = 17100;
    private const int GitPort = 17101;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(15);

    private GrpcChannel? channel;

    /// <summary>The repository's root directory.</summary>
    public string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The cluster's state directory; everything it writes lives here.</summary>
    public string StateDirectory { get; } = Path.Combine("/tmp", "berth-it-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>The cluster token.</summary>
    public string Token { get; private set; } = "";

    /// <summary>The API's app service.</summary>
    public Apps.AppsClient Apps { get; private set; } = null!;

    /// <summary>The API's cluster service.</summary>
    public Contracts.Cluster.ClusterClient Cluster { get; private set; } = null!;

    /// <summary>An HTTP client for requests through the edge; set the Host header per request.</summary>
    public HttpClient Edge { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>The environment every CLI and git command runs with.</summary>
    public IReadOnlyDictionary<string, string> CliEnvironment => new Dictionary<string, string>
    {
        ["BERTH_CONFIG"] = Path.Combine(StateDirectory, "cli.json"),
        ["GIT_TERMINAL_PROMPT"] = "0",
        ["GIT_AUTHOR_NAME"] = "Berth Tests",
        ["GIT_AUTHOR_EMAIL"] = "tests@berth.invalid",
        ["GIT_COMMITTER_NAME"] = "Berth Tests",
        ["GIT_COMMITTER_EMAIL"] = "tests@berth.invalid",
    };

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var up = await ClusterScriptAsync("up");
        up.EnsureSuccess("deploy/local-cluster.sh up");

        Token = (await File.ReadAllTextAsync(Path.Combine(StateDirectory, "controlplane", "token"))).Trim();
        channel = GrpcChannel.ForAddress($"http://127.0.0.1:{ApiPort}");
        var invoker = channel.CreateCallInvoker().Intercept(metadata =>
        {
            metadata.Add("authorization", $"Bearer {Token}");
            return metadata;
        });
        Apps = new Apps.AppsClient(invoker);
        Cluster = new Contracts.Cluster.ClusterClient(invoker);

        (await BerthAsync("login", $"http://127.0.0.1:{ApiPort}", "--token-file",
            Path.Combine(StateDirectory, "controlplane", "token"))).EnsureSuccess("berth login");
        await WaitForNodesAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        Edge.Dispose();
        channel?.Dispose();
        var down = await ClusterScriptAsync("down", "--purge");
        if (down.ExitCode != 0)
        {
            Console.Error.WriteLine($"local-cluster.sh down failed:\n{down.All}");
        }
    }

    /// <summary>The test cluster's berth CLI: the native executable local-cluster.sh built.</summary>
    public string CliPath => Path.Combine(StateDirectory, "bin", "cli", "berth");

    /// <summary>Runs the berth CLI of the test cluster.</summary>
    public Task<CommandResult> BerthAsync(params string[] arguments) => BerthInAsync(null, arguments);

    /// <summary>Runs the berth CLI in <paramref name="directory"/>.</summary>
    public Task<CommandResult> BerthInAsync(string? directory, params string[] arguments) =>
        Command.RunAsync(
            CliPath,
            arguments,
            TimeSpan.FromMinutes(5),
            directory,
            CliEnvironment);

    /// <summary>Runs git in <paramref name="directory"/> with the CLI's environment.</summary>
    public Task<CommandResult> GitAsync(string directory, params string[] arguments) =>
        Command.RunAsync("git", arguments, TimeSpan.FromMinutes(8), directory, CliEnvironment);

    /// <summary>Runs the docker CLI against node <paramref name="node"/> (1-based)'s own engine.</summary>
    public Task<CommandResult> DockerAsync(int node, params string[] arguments) =>
        Command.RunAsync(
            "docker",
            ["-H", $"unix://{Path.Combine(StateDirectory, "nodes", $"node-{node}", "docker.sock")}", .. arguments],
            TimeSpan.FromMinutes(2));

    /// <summary>A GET through the edge for <paramref name="host"/>; the status code and body.</summary>
    public async Task<(int Status, string Body)> GetThroughEdgeAsync(string host, string path = "/")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{EdgePort}{path}");
        request.Headers.Host = host;
        request.Headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
        using var response = await Edge.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Polls <paramref name="check"/> until it holds or <paramref name="timeout"/> passes.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> check, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await check())
                {
                    return true;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or RpcException)
            {
                // Not there yet.
            }

            await Task.Delay(250);
        }

        return false;
    }

    private async Task WaitForNodesAsync()
    {
        var ready = await EventuallyAsync(
            async () => (await Cluster.ListNodesAsync(new ListNodesRequest())).Nodes.Count(n => n.State == "ready")
                == NodeCount,
            TimeSpan.FromMinutes(2));
        if (!ready)
        {
            throw new InvalidOperationException($"the test cluster's {NodeCount} nodes did not all become ready");
        }
    }

    private Task<CommandResult> ClusterScriptAsync(params string[] arguments)
    {
        var environment = new Dictionary<string, string>
        {
            ["BERTH_STATE_DIR"] = StateDirectory,
            ["BERTH_NODES"] = NodeCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["BERTH_REGISTRY_PORT"] = "15000",
            ["BERTH_API_PORT"] = ApiPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["BERTH_GIT_PORT"] = GitPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["BERTH_EDGE_PORT"] = EdgePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["BERTH_NODE_PORT_BASE"] = "24000",
            ["BERTH_SAMPLE"] = "0",
            ["BERTH_INSTALL_CLI"] = "0",
        };
        return Command.RunAsync(
            "bash",
            [Path.Combine(RepositoryRoot, "deploy", "local-cluster.sh"), .. arguments],
            StartTimeout,
            RepositoryRoot,
            environment);
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Cluster.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("the tests run outside the Berth repository: no Cluster.sln above them");
    }
}
