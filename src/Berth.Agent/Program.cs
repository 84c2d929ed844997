using Berth.Agent;
using Berth.Agent.Connection;
using Berth.Agent.Options;
using Microsoft.Extensions.Hosting;
using Serilog;
using Serilog.Events;

// The agent: one per node. Exit code 2 means the command line was wrong.
if (AgentUsage.IsHelpRequest(args))
{
    Console.WriteLine(AgentUsage.Text);
    return 0;
}

var parsed = AgentOptionsParser.Parse(args);
if (!parsed.IsValid)
{
    foreach (var error in parsed.Errors)
    {
        await Console.Error.WriteLineAsync($"error: {error}");
    }

    return 2;
}

var options = parsed.Value!;
var (token, tokenError) = TokenReader.Read(options.Token);
if (token is null)
{
    await Console.Error.WriteLineAsync($"error: {tokenError}");
    return 2;
}

// The command line is the agent's only configuration source: it is not handed to the host.
const string outputTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
builder.Services.AddSerilog(logging => logging
    .MinimumLevel.Information()
    .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
    .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
    .MinimumLevel.Override("System", LogEventLevel.Warning)
    .MinimumLevel.Override("Grpc", LogEventLevel.Warning)
    .Enrich.FromLogContext()
    .WriteTo.Console(outputTemplate: outputTemplate));
builder.Services.AddBerthAgent(options, new ClusterToken(token));

await builder.Build().RunAsync();
return 0;
