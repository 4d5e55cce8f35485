using CaseFy.Application.Apis.OpenApi;
using CaseFy.Application.Engine;
using CaseFy.Application.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseFy.Application.Apis;

/// <summary>The <c>/api/health</c> route: 200 when healthy, 503 with the same report when a dependency is down.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup(ApiRoutes.Prefix).WithTags("Health")
            .MapGet(ApiRoutes.Health, GetHealthAsync).AllowAnonymous()
            .WithSummary("Storage and engine status (503 when degraded)")
            .Produces<HealthReport>().Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    public static async Task<IResult> GetHealthAsync(HealthService health, ICaseEngine engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(health);
        var report = await health.CheckAsync(engine, cancellationToken);
        return report.Status == "healthy"
            ? TypedResults.Ok(report)
            : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
