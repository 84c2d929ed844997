using Serilog;
using Serilog.Events;

namespace Berth.Edge.Hosting;

/// <summary>The edge's logging: Serilog to the console, the edge's own events at Information.</summary>
public static class EdgeLogging
{
    /// <summary>The console line format: time, level, source, message.</summary>
    public const string OutputTemplate =
        "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>Routes every logger in <paramref name="services"/> to Serilog's console sink.</summary>
    public static void Configure(IServiceCollection services) =>
        services.AddSerilog(
            logger => logger
                .MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.AspNetCore.DataProtection", LogEventLevel.Error)
                .MinimumLevel.Override("System.Net.Http", LogEventLevel.Warning)
                .MinimumLevel.Override("Grpc", LogEventLevel.Warning)
                .MinimumLevel.Override("Yarp", LogEventLevel.Warning)
                // The proxy pipeline logs failed forwards itself, naming the app and instance.
                .MinimumLevel.Override("Yarp.ReverseProxy.Forwarder.HttpForwarder", LogEventLevel.Error)
                .WriteTo.Console(outputTemplate: OutputTemplate),
            preserveStaticLogger: true);
}
