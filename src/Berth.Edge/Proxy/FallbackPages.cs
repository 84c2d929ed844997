using System.Net;

namespace Berth.Edge.Proxy;

/// <summary>
/// The small HTML pages the edge answers with when it cannot proxy a request. They name the host
/// or app the visitor asked for and nothing about how the cluster works.
/// </summary>
public static class FallbackPages
{
    /// <summary>404: no app has the requested host.</summary>
    public static Task WriteUnknownHostAsync(HttpContext context)
    {
        var host = context.Request.Host.Host.ToLowerInvariant();
        var shown = host.Length == 0 ? "(none)" : host;

        return WriteAsync(context, StatusCodes.Status404NotFound, "Not Found", $"No app has the domain {shown}.");
    }

    /// <summary>503: the app exists but none of its web instances is running.</summary>
    public static Task WriteNoInstanceAsync(HttpContext context, string app) =>
        WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Service Unavailable",
            $"The app {app} has no running web instance right now.");

    /// <summary>503: the edge has not received its routes yet, shortly after it started.</summary>
    public static Task WriteNotReadyAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Service Unavailable",
            "This server is starting and cannot route requests yet. Try again in a moment.");

    private static Task WriteAsync(HttpContext context, int status, string title, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";

        var page =
            $"""
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>{status} {title}</title></head>
            <body><h1>{status} {title}</h1><p>{WebUtility.HtmlEncode(message)}</p></body></html>

            """;

        return context.Response.WriteAsync(page, context.RequestAborted);
    }
}
