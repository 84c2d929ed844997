using Berth.Edge.Hosting;
using Berth.Edge.Options;

if (EdgeOptionsParser.IsHelp(args))
{
    Console.WriteLine(EdgeOptionsParser.Usage);
    return 0;
}

var parsed = EdgeOptionsParser.Parse(args, Environment.MachineName);
var options = parsed.Value;
var token = options?.Token.Read();
var errors = parsed.IsValid ? token!.Errors : parsed.Errors;

if (errors.Count > 0)
{
    foreach (var error in errors)
    {
        await Console.Error.WriteLineAsync($"error: {error}");
    }

    return 2;
}

var builder = EdgeServer.CreateBuilder(options!);
EdgeServer.AddRouteWatcher(builder.Services, options!, token!.Value!);

await using var app = EdgeServer.Build(builder);
try
{
    await app.StartAsync();
}
catch (IOException ex)
{
    // Kestrel reports an address in use or not available this way.
    await Console.Error.WriteLineAsync($"error: cannot listen on {options!.Listen}: {ex.Message}");
    return 1;
}

EdgeServer.LogListening(app);
await app.WaitForShutdownAsync();

return 0;
