using CaseFy.Application.Access;
using CaseFy.Application.Cases;
using CaseFy.Application.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseFy.Application.Apis;

/// <summary>The <c>/api/templates/{id}/metrics</c> route: an on-demand report over a template's cases.</summary>
public static class MetricsApi
{
    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup(ApiRoutes.Prefix).WithTags("Reports")
            .MapGet(ApiRoutes.TemplateMetrics, GetMetricsAsync)
            .WithSummary("A template's case metrics")
            .WithDescription("Time spent per stage (completed visits), open and closed cases, SLA breaches and cases closed "
                + $"per day over the last {MetricsService.ThroughputDays} days. Computed on request by reading every case of the "
                + "template and its timeline: a report, not a live counter.")
            .Produces<TemplateMetrics>().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<IResult> GetMetricsAsync(string id, HttpRequest request, MetricsService metrics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(metrics);

        // Admins only, like the board: the report covers every case of the template, not only the caller's.
        if (await RequestAccess.RequireAsync(request.HttpContext, CaseFyPolicies.Admin) is { } denied)
        {
            return denied;
        }

        var report = CaseIds.IsWellFormed(id) ? await metrics.ComputeAsync(id, cancellationToken) : null;
        return report is null ? ApiProblems.NotFound("template") : TypedResults.Ok(report);
    }
}
