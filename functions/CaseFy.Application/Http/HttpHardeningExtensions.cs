using System.Threading.RateLimiting;
using CaseFy.Application.Intake;
using CaseFy.Application.Portal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CaseFy.Application.Http;

/// <summary>
/// The hardening pieces of the one pipeline (<see cref="CaseFyHttpPipeline"/>, both hosts): security headers, the
/// request body size cap (<see cref="RequestSizeLimit"/>), CORS for the configured portal origins only
/// (<see cref="ApiCorsPolicy"/>), and the portal and intake rate limiters, chained, as the global limiter.
/// </summary>
public static class HttpHardeningExtensions
{
    public static IServiceCollection AddCaseFyHttpHardening(this IServiceCollection services)
    {
        services.AddOptions<CorsSettings>()
            .BindConfiguration(CorsSettings.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<CorsSettings>>((cors, settings) =>
            cors.AddDefaultPolicy(policy => ApiCorsPolicy.Configure(policy, settings.Value.AllowedOrigins)));
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<PortalRateLimiter, IntakeRateLimiter>((options, portal, intake) =>
        {
            // Each limits its own routes only (every other request gets no limiter from either).
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(portal.Limiter, intake.Limiter);
            options.OnRejected = (context, _) => new ValueTask(PortalRateLimiter.Rejection(context.Lease).ExecuteAsync(context.HttpContext));
        });
        return services;
    }

    /// <summary>Security headers, the body size cap, CORS and rate limiting, in that order; call before authentication and endpoints.</summary>
    public static IApplicationBuilder UseCaseFyHttpHardening(this IApplicationBuilder app)
    {
        app.Use((context, next) =>
        {
            SecurityHeaders.Register(context);
            return RequestSizeLimit.Check(context) is { } tooLarge ? tooLarge.ExecuteAsync(context) : next(context);
        });
        app.UseCors();
        app.UseRateLimiter();
        return app;
    }
}
