using Yarp.ReverseProxy.Forwarder;

namespace Berth.Edge.Proxy;

/// <summary>
/// The first step of the proxy pipeline: answers the no-instance page for an app without
/// backends, and logs requests that could not be forwarded (the proxy answers those with 502).
/// Nothing is retried: neither YARP nor this pipeline sends a request twice, so a POST that reached
/// an instance which then failed is never replayed on another one.
/// </summary>
public sealed partial class ProxyPipelineGuard(RequestDelegate next, ILogger<ProxyPipelineGuard> logger)
{
    /// <summary>Runs the step for one proxied request.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var proxy = context.GetReverseProxyFeature();
        var app = proxy.Route.Config.RouteId;

        if (proxy.AllDestinations.Count == 0)
        {
            await FallbackPages.WriteNoInstanceAsync(context, app);
            return;
        }

        await next(context);

        var failure = context.GetForwarderErrorFeature();
        if (failure is not null && !IsClientSide(failure.Error))
        {
            var destination = proxy.ProxiedDestination;
            Log.ProxyRequestFailed(
                logger,
                app,
                destination?.DestinationId ?? "(none)",
                destination?.Model.Config.Address ?? "(none)",
                failure.Error,
                failure.Exception?.Message ?? "no detail");
        }
    }

    private static bool IsClientSide(ForwarderError error) => error is ForwarderError.RequestCanceled
        or ForwarderError.RequestBodyCanceled or ForwarderError.RequestBodyClient
        or ForwarderError.ResponseBodyCanceled or ForwarderError.ResponseBodyClient
        or ForwarderError.UpgradeRequestCanceled or ForwarderError.UpgradeRequestClient
        or ForwarderError.UpgradeResponseCanceled or ForwarderError.UpgradeResponseClient;

    private static partial class Log
    {
        [LoggerMessage(EventId = EventIds.ProxyRequestFailed, EventName = "ProxyRequestFailed",
            Level = LogLevel.Warning,
            Message = "Forwarding a request of app {App} to instance {Instance} at {Url} failed ({Error}): {Detail}")]
        public static partial void ProxyRequestFailed(
            ILogger logger,
            string app,
            string instance,
            string url,
            ForwarderError error,
            string detail);
    }
}
