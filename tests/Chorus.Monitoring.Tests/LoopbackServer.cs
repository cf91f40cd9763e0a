using System.Net;
using System.Net.Sockets;

namespace Chorus.Monitoring.Tests;

/// <summary>An HTTP server on the loopback interface that answers each request with a handler; for feeds and webhooks in tests.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<HttpListenerRequest, byte[], Task<(int Status, string? Body, IReadOnlyDictionary<string, string>? Headers)>> _handle;
    private readonly Task _loop;

    public LoopbackServer(Func<HttpListenerRequest, byte[], Task<(int Status, string? Body, IReadOnlyDictionary<string, string>? Headers)>> handle)
    {
        _handle = handle;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public string Url(string path) => $"http://127.0.0.1:{Port}/{path.TrimStart('/')}";

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var (status, text, headers) = await _handle(context.Request, body.ToArray());
            context.Response.StatusCode = status;
            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }

            if (text is not null)
            {
                var bytes = System.Text.Encoding.UTF8.GetBytes(text);
                context.Response.ContentType = "application/rss+xml; charset=utf-8";
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes);
            }

            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await Task.WhenAny(_loop, Task.Delay(2000));
    }
}
