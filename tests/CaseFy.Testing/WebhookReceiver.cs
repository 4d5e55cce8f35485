using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace CaseFy.Testing;

/// <summary>
/// A webhook target on a free loopback port that records every request; the first <c>failFirst</c> answer 500, and with
/// <c>redirectTo</c> every answer is a 307 there.
/// </summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly int _failFirst;
    private readonly Uri? _redirectTo;
    private int _count;

    public WebhookReceiver(int failFirst = 0, Uri? redirectTo = null)
    {
        _failFirst = failFirst;
        _redirectTo = redirectTo;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = new Uri($"http://127.0.0.1:{port}/hook/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    /// <summary>Every request received: body and signature header.</summary>
    public ConcurrentQueue<(byte[] Body, string? Signature)> Requests { get; } = new();

    public void Dispose() => _listener.Close();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            Requests.Enqueue((body.ToArray(), context.Request.Headers["X-CaseFy-Signature"]));
            context.Response.StatusCode = Interlocked.Increment(ref _count) <= _failFirst ? 500 : 200;
            if (_redirectTo is not null)
            {
                context.Response.Redirect(_redirectTo.ToString());
                context.Response.StatusCode = (int)HttpStatusCode.TemporaryRedirect;
            }

            context.Response.Close();
        }
    }
}
