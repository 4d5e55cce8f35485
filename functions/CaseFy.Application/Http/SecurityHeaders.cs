using CaseFy.Model.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFy.Application.Http;

/// <summary>
/// The headers every response carries, in both hosts. API answers get a CSP that allows nothing; the portal's
/// static pages one without inline or remote scripts (Entra ID sign-in and, for direct uploads, the Blob Storage
/// endpoint are the only other origins they talk to).
/// <c>Referrer-Policy: no-referrer</c> keeps portal URLs (capabilities) out of other sites' logs.
/// </summary>
public static class SecurityHeaders
{
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

    public const string PortalPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self' https://login.microsoftonline.com; frame-src https://login.microsoftonline.com; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// <paramref name="policy"/> that may also send requests to <paramref name="uploadOrigin"/> (the Blob endpoint
    /// direct uploads PUT to), added to its <c>connect-src 'self'</c>.
    /// </summary>
    public static string AllowingUploadsTo(string policy, Uri uploadOrigin)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(uploadOrigin);
        return policy.Replace("connect-src 'self'", $"connect-src 'self' {uploadOrigin.GetLeftPart(UriPartial.Authority)}", StringComparison.Ordinal);
    }

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
        // Headers already set win: the portal's static files carry staticwebapp.config.json's (as deployed).
        var headers = context.Response.Headers;
        headers.TryAdd("X-Content-Type-Options", "nosniff");
        headers.TryAdd("Referrer-Policy", "no-referrer");
        headers.TryAdd("X-Frame-Options", "DENY");
        headers.TryAdd("Cross-Origin-Opener-Policy", "same-origin");
        headers.TryAdd("Content-Security-Policy", context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            ? ApiPolicy
            : context.RequestServices?.GetService<IDocumentStore>() is { } documents ? AllowingUploadsTo(PortalPolicy, documents.ServiceOrigin) : PortalPolicy);
    }
}
