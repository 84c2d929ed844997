using Yarp.ReverseProxy.Model;

namespace Berth.Edge.Draining;

/// <summary>
/// The last step of the proxy pipeline before forwarding: pins the one destination the request
/// goes to and counts the request against that backend in <see cref="InFlightRequests"/> until it
/// ends, response body included.
/// </summary>
public sealed class InFlightTracking(RequestDelegate next, InFlightRequests inFlight)
{
    /// <summary>Runs the step for one proxied request.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var proxy = context.GetReverseProxyFeature();
        var destinations = proxy.AvailableDestinations;
        if (destinations.Count == 0)
        {
            // The forwarder answers 503 itself; nothing reaches a backend.
            await next(context);
            return;
        }

        // Load balancing leaves one destination; were there several, the forwarder would pick at random,
        // so pick here instead and count the request where it really goes.
        var destination = destinations.Count == 1
            ? destinations[0]
            : destinations[Random.Shared.Next(destinations.Count)];
        proxy.AvailableDestinations = destination;

        // Limitation: an upgraded connection (WebSocket) counts as one request until it closes, so a table that
        // removes its instance is acknowledged only at the drain limit (--drain-timeout, 25 s by default).
        using var lease = inFlight.Begin(Key(destination));
        await next(context);
    }

    private static BackendKey Key(DestinationState destination) =>
        new(destination.DestinationId, destination.Model.Config.Address);
}
