using Microsoft.AspNetCore.Http;

namespace CaseFy.Application.Http;

/// <summary>
/// The headers every API response carries, in both hosts, with a CSP that allows nothing: the API serves data, never
/// pages (the portal is served from its own origin, with its own headers: <c>staticwebapp.config.json</c>).
/// <c>Referrer-Policy: no-referrer</c> keeps portal URLs (capabilities) out of other sites' logs.
/// </summary>
public static class SecurityHeaders
{
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>Adds the headers when the response starts, so error pages written later get them too.</summary>
    public static void Register(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(() =>
        {
            Apply(context);
            return Task.CompletedTask;
        });
    }

    public static void Apply(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Headers already set win: the local development issuer's sign-in page sets its own CSP.
        var headers = context.Response.Headers;
        headers.TryAdd("X-Content-Type-Options", "nosniff");
        headers.TryAdd("Referrer-Policy", "no-referrer");
        headers.TryAdd("X-Frame-Options", "DENY");
        headers.TryAdd("Cross-Origin-Opener-Policy", "same-origin");
        headers.TryAdd("Content-Security-Policy", ApiPolicy);
    }
}
