using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Berth.Edge.Tests.Support;

/// <summary>
/// A tiny web instance on loopback that answers with its name and the headers it received. Requests
/// to <see cref="HoldPath"/> are held open until <see cref="ReleaseHeld"/> is called.
/// </summary>
internal sealed class TestBackend : IAsyncDisposable
{
    /// <summary>The path whose requests wait for <see cref="ReleaseHeld"/> before answering.</summary>
    public const string HoldPath = "/hold";

    private readonly WebApplication _app;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _holding = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _requests;

    private TestBackend(string name, WebApplication app)
    {
        Name = name;
        _app = app;
    }

    public string Name { get; }

    public string Url { get; private set; } = "";

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Completes once a request to <see cref="HoldPath"/> has arrived and is being held.</summary>
    public Task Holding => _holding.Task;

    /// <summary>Lets every held request answer.</summary>
    public void ReleaseHeld() => _release.TrySetResult();

    public static async Task<TestBackend> StartAsync(string name)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

        var backend = new TestBackend(name, builder.Build());
        backend._app.Run(backend.AnswerAsync);
        await backend._app.StartAsync();

        var addresses = backend._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        backend.Url = addresses.Addresses.Single();

        return backend;
    }

    public async ValueTask DisposeAsync()
    {
        ReleaseHeld();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var headers = context.Request.Headers;

        if (context.Request.Path == HoldPath)
        {
            _holding.TrySetResult();
            await _release.Task;
        }

        await context.Response.WriteAsync(
            $"backend={Name}\n" +
            $"host={headers.Host}\n" +
            $"x-forwarded-for={headers["X-Forwarded-For"]}\n" +
            $"x-forwarded-proto={headers["X-Forwarded-Proto"]}\n" +
            $"x-forwarded-host={headers["X-Forwarded-Host"]}\n" +
            $"path={context.Request.Path}{context.Request.QueryString}\n");
    }
}
