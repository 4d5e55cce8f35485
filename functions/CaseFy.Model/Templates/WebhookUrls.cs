using System.Net;

namespace CaseFy.Model.Templates;

/// <summary>
/// Which webhook targets a template may name: https anywhere, plain http only to a loopback address literal (local
/// use and tests; <c>localhost</c> is a name like any other, and names never reach loopback);
/// never with a control character or space (a CR LF or NUL would otherwise be stored and sent on), never an internal
/// address literal (<see cref="WebhookAddresses"/>). Names are checked again, address by address, when CaseFy connects.
/// </summary>
public static class WebhookUrls
{
    public static bool IsAllowed(string? url) =>
        url is { Length: <= 2000 }
        && !url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && string.IsNullOrEmpty(uri.UserInfo)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopbackLiteral(uri)))
        && (LiteralAddress(uri) is not { } address || WebhookAddresses.MayConnect(address, loopbackAllowed: true));

    /// <summary>Whether the URL's host is a loopback address literal (<c>127.0.0.1</c>, <c>[::1]</c>).</summary>
    public static bool IsLoopbackLiteral(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return LiteralAddress(uri) is { } address && IPAddress.IsLoopback(address);
    }

    /// <summary>
    /// The part of a webhook URL that may be shown to anyone: scheme and host (with a port other than the default).
    /// Incoming-webhook URLs carry credentials in their path or query (Teams, Slack, a Logic App's <c>sig=</c>).
    /// </summary>
    public static string SchemeAndHost(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Authority}" : string.Empty;
    }

    private static IPAddress? LiteralAddress(Uri uri) =>
        uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address)
            ? address
            : null;
}
