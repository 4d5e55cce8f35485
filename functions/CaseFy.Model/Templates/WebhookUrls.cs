using System.Net;

namespace CaseFy.Model.Templates;

/// <summary>
/// Which webhook targets a template may name: https anywhere, plain http only to this machine (local use, tests);
/// never with a control character or space (a CR LF or NUL would otherwise be stored and sent on).
/// </summary>
public static class WebhookUrls
{
    public static bool IsAllowed(string? url) =>
        url is { Length: <= 2000 }
        && !url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && string.IsNullOrEmpty(uri.UserInfo)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri)));

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
