using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using CaseFy.Application.Apis;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CaseFy.Application.Portal;

/// <summary>
/// The portal routes' rate limits: a fixed window per token and one per client address, chained (both must allow).
/// Other routes are not limited here. Both hosts run it as ASP.NET Core's global rate limiter (<c>UseRateLimiter</c>
/// in <see cref="Http.CaseFyHttpPipeline"/>).
/// Rejections are 429 problem+json with <c>Retry-After</c>.
/// </summary>
public sealed class PortalRateLimiter : IDisposable
{
    private static readonly string PortalPrefix = $"/{ApiRoutes.Prefix}/portal/";

    public PortalRateLimiter(IOptions<PortalOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        Limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(context => TokenOf(context) is { } token
                ? RateLimitPartition.GetFixedWindowLimiter("token:" + Fingerprint(token), _ => Window(settings.PermitsPerTokenPerMinute))
                : RateLimitPartition.GetNoLimiter(string.Empty)),
            PartitionedRateLimiter.Create<HttpContext, string>(context => TokenOf(context) is not null
                ? RateLimitPartition.GetFixedWindowLimiter("address:" + AddressOf(context), _ => Window(settings.PermitsPerAddressPerMinute))
                : RateLimitPartition.GetNoLimiter(string.Empty)));
    }

    /// <summary>The limiter (the same instance serves every request of the process).</summary>
    public PartitionedRateLimiter<HttpContext> Limiter { get; }

    /// <summary>Takes a permit for the request.</summary>
    /// <returns><see langword="null"/> when the request may go on, otherwise the 429 answer to give.</returns>
    public IResult? Acquire(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var lease = Limiter.AttemptAcquire(context);
        return lease.IsAcquired ? null : Rejection(lease);
    }

    /// <summary>429 problem+json with <c>Retry-After</c> (whole seconds, at least 1).</summary>
    public static IResult Rejection(RateLimitLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        return new RetryAfterResult(Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)), ApiProblems.TooManyRequests());
    }

    private sealed class RetryAfterResult(int seconds, IResult problem) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return problem.ExecuteAsync(httpContext);
        }
    }

    public void Dispose() => Limiter.Dispose();

    /// <summary>The token of a portal route (<c>/api/portal/{token}...</c>), or <see langword="null"/> for any other route.</summary>
    public static string? TokenOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Request.Path.Value;
        if (path is null || !path.StartsWith(PortalPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = path[PortalPrefix.Length..];
        var end = rest.IndexOf('/', StringComparison.Ordinal);
        var token = end < 0 ? rest : rest[..end];
        return token.Length == 0 ? null : token;
    }

    internal static string AddressOf(HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    // Partitions are keyed by a short hash: the limiter never holds tokens, and huge garbage "tokens" cost little.
    private static string Fingerprint(string token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)).AsSpan(0, 16));

    internal static FixedWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
