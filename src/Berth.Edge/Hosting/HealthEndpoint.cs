using System.Globalization;
using Berth.Edge.Options;

namespace Berth.Edge.Hosting;

/// <summary>
/// The operator's health check: <c>GET /healthz</c> with <c>Host: _edge</c>. No app can own that host
/// (domains never contain '_'), so the endpoint never shadows an app's own path.
/// </summary>
public static class HealthEndpoint
{
    /// <summary>The only host the endpoint answers for.</summary>
    public const string Host = "_edge";

    /// <summary>The endpoint's path.</summary>
    public const string Path = "/healthz";

    /// <summary>200 with a one-line summary once routes are live; 503 before the first table.</summary>
    public static IResult Handle(EdgeStatus status, EdgeOptions options)
    {
        var applied = status.Applied;
        if (applied is null)
        {
            return Results.Text($"starting edge={options.Name}: no route table applied yet\n",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var connection = status.ControlPlaneConnected ? "connected" : "disconnected";
        var line = string.Create(CultureInfo.InvariantCulture,
            $"ok edge={options.Name} version={applied.Version} apps={applied.Routes.Count} " +
            $"backends={applied.BackendCount} control-plane={connection}\n");

        return Results.Text(line);
    }
}
