using System.Globalization;
using System.Net;

namespace Berth.ControlPlane;

/// <summary>How the control plane was asked to run, from its command line.</summary>
/// <param name="DataDirectory">Where the store, git repositories, token and keys live.</param>
/// <param name="GrpcEndpoint">Where the gRPC API (h2c) listens.</param>
/// <param name="HttpEndpoint">Where git smart HTTP and the receive hook listen.</param>
/// <param name="Registry">The image registry nodes push to and pull from, host:port.</param>
/// <param name="Domain">The cluster domain: an app is served at app.domain.</param>
/// <param name="EdgePort">The port the edge serves apps on, for the URLs shown to users.</param>
/// <param name="PublicGitUrl">The git base URL given to clients; derived from HttpEndpoint when empty.</param>
/// <param name="KeepReleases">
/// How many of an app's newest releases keep their images (<see cref="Registry.ImageRetention"/>).
/// </param>
public sealed record ControlPlaneOptions(
    string DataDirectory,
    IPEndPoint GrpcEndpoint,
    IPEndPoint HttpEndpoint,
    string Registry,
    string Domain,
    int EdgePort,
    string PublicGitUrl,
    int KeepReleases)
{
    /// <summary>The largest <see cref="KeepReleases"/> accepted.</summary>
    public const int MaxKeepReleases = 1000;

    /// <summary>The usage line printed with option errors.</summary>
    public const string Usage =
        "usage: Berth.ControlPlane --data-dir DIR [--grpc-listen 127.0.0.1:7000] [--http-listen 127.0.0.1:7001] " +
        "[--registry 127.0.0.1:5000] [--domain localhost] [--edge-port 8080] [--git-url URL] [--keep-releases 5]";

    /// <summary>The base URL of the git endpoint, e.g. http://127.0.0.1:7001/git.</summary>
    public string GitBaseUrl => PublicGitUrl.Length > 0 ? PublicGitUrl.TrimEnd('/') : $"http://{HttpEndpoint}/git";

    /// <summary>The URL the edge serves <paramref name="app"/> at.</summary>
    public string AppUrl(string app) =>
        EdgePort == 80 ? $"http://{app}.{Domain}/" : $"http://{app}.{Domain}:{EdgePort}/";

    /// <summary>Parses the command line; every bad option is reported.</summary>
    public static (ControlPlaneOptions? Options, IReadOnlyList<string> Errors) Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                errors.Add($"'{args[i]}' is not an option with a value.");
                continue;
            }

            values[args[i][2..]] = args[++i];
        }

        string[] known =
            ["data-dir", "grpc-listen", "http-listen", "registry", "domain", "edge-port", "git-url", "keep-releases"];
        errors.AddRange(values.Keys.Except(known).Select(k => $"--{k} is not a known option."));

        var dataDir = values.GetValueOrDefault("data-dir", "");
        if (dataDir.Length == 0)
        {
            errors.Add("--data-dir is required: the directory for the store, git repositories and the token.");
        }

        var grpc = ParseEndpoint(values.GetValueOrDefault("grpc-listen", "127.0.0.1:7000"), "--grpc-listen", errors);
        var http = ParseEndpoint(values.GetValueOrDefault("http-listen", "127.0.0.1:7001"), "--http-listen", errors);
        var edgePortText = values.GetValueOrDefault("edge-port", "8080");
        if (!int.TryParse(edgePortText, NumberStyles.None, CultureInfo.InvariantCulture, out var edgePort)
            || edgePort is < 1 or > 65535)
        {
            errors.Add($"--edge-port '{edgePortText}' is not a port number from 1 to 65535.");
        }

        var keepText = values.GetValueOrDefault("keep-releases", "5");
        if (!int.TryParse(keepText, NumberStyles.None, CultureInfo.InvariantCulture, out var keep)
            || keep is < 1 or > MaxKeepReleases)
        {
            errors.Add(
                $"--keep-releases '{keepText}' is not a number from 1 to {MaxKeepReleases}: how many of an app's " +
                "newest releases keep their images for rollbacks.");
        }

        if (errors.Count > 0 || grpc is null || http is null)
        {
            return (null, errors);
        }

        var options = new ControlPlaneOptions(
            Path.GetFullPath(dataDir),
            grpc,
            http,
            values.GetValueOrDefault("registry", "127.0.0.1:5000"),
            values.GetValueOrDefault("domain", "localhost").ToLowerInvariant(),
            edgePort,
            values.GetValueOrDefault("git-url", ""),
            keep);
        return (options, errors);
    }

    private static IPEndPoint? ParseEndpoint(string text, string option, List<string> errors)
    {
        if (IPEndPoint.TryParse(text, out var endpoint) && endpoint.Port != 0)
        {
            return endpoint;
        }

        errors.Add($"{option} '{text}' is not an address:port such as 127.0.0.1:7000.");
        return null;
    }
}
