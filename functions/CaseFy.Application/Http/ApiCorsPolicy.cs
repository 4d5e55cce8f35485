using Microsoft.AspNetCore.Cors.Infrastructure;

namespace CaseFy.Application.Http;

/// <summary>
/// The API's answer to browsers on another origin (the portal: a Static Web App in Azure, a second loopback port
/// locally). Bearer tokens only: no credentials mode, so no cookie is ever sent or honoured cross-origin, and no
/// wildcard origin. The portal reads <c>ETag</c> (template versions), <c>Location</c>, <c>Retry-After</c> (rate
/// limits) and <c>Content-Disposition</c> (downloads' file names), which a browser hides from script unless exposed.
/// </summary>
public static class ApiCorsPolicy
{
    public static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    public static readonly string[] RequestHeaders = ["Authorization", "Content-Type", "If-Match"];

    public static readonly string[] ExposedHeaders = ["ETag", "Location", "Retry-After", "Content-Disposition"];

    /// <summary>How long a browser may reuse a preflight answer.</summary>
    public static readonly TimeSpan PreflightMaxAge = TimeSpan.FromMinutes(10);

    public static void Configure(CorsPolicyBuilder policy, IEnumerable<string> allowedOrigins)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(allowedOrigins);
        policy.WithOrigins([.. allowedOrigins.Select(o => o.TrimEnd('/'))])
            .WithMethods(Methods)
            .WithHeaders(RequestHeaders)
            .WithExposedHeaders(ExposedHeaders)
            .SetPreflightMaxAge(PreflightMaxAge)
            .DisallowCredentials();
    }
}
