using System.Net;
using System.Net.Sockets;
using CaseFy.Model.Templates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseFy.Orchestration;

/// <summary>
/// Opens every webhook connection itself (<see cref="SocketsHttpHandler.ConnectCallback"/>): it resolves the host,
/// keeps only the addresses <see cref="WebhookAddresses"/> allows and connects to those exact addresses, so a name
/// that re-resolves to an internal address after the template was saved (DNS rebinding) reaches nothing.
/// Plain http and loopback are allowed only when <see cref="WebhookOptions.AllowLoopback"/> (Development) and the URL's
/// host is a loopback address literal; a name (<c>localhost</c> included) never reaches loopback.
/// </summary>
public sealed partial class WebhookConnector(
    IWebhookHostResolver resolver, IOptions<WebhookOptions> options, ILogger<WebhookConnector> logger)
{
    /// <summary>The handler webhook deliveries go through: this connector, no redirects, no proxy (it would connect instead).</summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        ConnectCallback = ConnectAsync,
        AllowAutoRedirect = false,
        UseProxy = false,
    };

    /// <summary>Connects to an allowed address of the request's host, or throws (the request fails as unreachable).</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host;
        var uri = context.InitialRequestMessage.RequestUri!;
        var loopbackAllowed = options.Value.AllowLoopback && WebhookUrls.IsLoopbackLiteral(uri);
        var plainHttp = uri.Scheme != Uri.UriSchemeHttps;
        var resolved = IPAddress.TryParse(host, out var literal) ? [literal] : await resolver.ResolveAsync(host, cancellationToken);
        var allowed = resolved
            .Where(a => WebhookAddresses.MayConnect(a, loopbackAllowed) && (!plainHttp || (loopbackAllowed && IPAddress.IsLoopback(a))))
            .ToArray();
        if (allowed.Length == 0)
        {
            Log.Refused(logger, host, resolved.Length);
            throw new IOException("The webhook's host resolves to no address CaseFy may connect to.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 7001, Level = LogLevel.Warning,
            Message = "Refused a webhook connection to {Host}: none of its {Count} addresses is one CaseFy may connect to.")]
        public static partial void Refused(ILogger logger, string host, int count);
    }
}
