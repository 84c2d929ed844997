using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Berth.ControlPlane.Tests.Git;

/// <summary>
/// Stands in for the control plane's receive hook endpoint: records each request the
/// pre-receive hook sends and answers with a fixed text.
/// </summary>
internal sealed class HookEndpointStub : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly string answer;
    private readonly Task loop;

    public HookEndpointStub(string answer)
    {
        this.answer = answer;
        Url = $"http://127.0.0.1:{FreePort()}/hook/";
        listener.Prefixes.Add(Url);
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public ConcurrentQueue<HookRequest> Requests { get; } = new();

    public void Dispose()
    {
        listener.Close();
        loop.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            Requests.Enqueue(new HookRequest(
                context.Request.HttpMethod,
                context.Request.Headers["Authorization"],
                context.Request.Headers["Berth-Actor"],
                context.Request.ContentType,
                context.Request.QueryString["rev"],
                body.ToArray()));

            var bytes = Encoding.UTF8.GetBytes(answer);
            context.Response.ContentType = "text/plain";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
