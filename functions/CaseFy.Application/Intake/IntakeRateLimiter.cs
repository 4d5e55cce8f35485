using System.Threading.RateLimiting;
using CaseFy.Application.Apis;
using CaseFy.Application.Portal;
using CaseFy.Model.Templates;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CaseFy.Application.Intake;

/// <summary>
/// The public intake routes' rate limits: a fixed window per client address (every intake request) and one per form
/// (submissions only), chained. Other routes are not limited here. It runs chained with the portal's limiter as ASP.NET
/// Core's global limiter (<see cref="Http.HttpHardeningExtensions"/>); rejections are 429 problem+json with <c>Retry-After</c>.
/// </summary>
public sealed class IntakeRateLimiter : IDisposable
{
    private static readonly string IntakePrefix = $"/{ApiRoutes.Prefix}/intake/";

    public IntakeRateLimiter(IOptions<IntakeOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        Limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(context => SlugOf(context) is not null
                ? RateLimitPartition.GetFixedWindowLimiter("address:" + PortalRateLimiter.AddressOf(context), _ => PortalRateLimiter.Window(settings.PermitsPerAddressPerMinute))
                : RateLimitPartition.GetNoLimiter(string.Empty)),
            PartitionedRateLimiter.Create<HttpContext, string>(context => SlugOf(context) is { } slug && HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter("form:" + slug, _ => PortalRateLimiter.Window(settings.SubmissionsPerFormPerMinute))
                : RateLimitPartition.GetNoLimiter(string.Empty)));
    }

    /// <summary>The limiter (the same instance serves every request of the process).</summary>
    public PartitionedRateLimiter<HttpContext> Limiter { get; }

    public void Dispose() => Limiter.Dispose();

    /// <summary>
    /// The slug of an intake route (<c>/api/intake/{slug}</c>), or <see langword="null"/> for any other route. A path
    /// that is no slug gets none, so garbage cannot make partitions (the address window still counts it).
    /// </summary>
    public static string? SlugOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Request.Path.Value;
        if (path is null || !path.StartsWith(IntakePrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var slug = path[IntakePrefix.Length..].TrimEnd('/').ToLowerInvariant();
        return IntakeSlugs.IsSlug(slug) ? slug : "-";
    }
}
