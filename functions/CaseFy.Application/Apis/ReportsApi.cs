using CaseFy.Application.Access;
using CaseFy.Application.Apis.OpenApi;
using CaseFy.Application.Cases;
using CaseFy.Application.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;

namespace CaseFy.Application.Apis;

/// <summary>
/// A template's reports, for admins (each covers every case of the template, not only the caller's): the board
/// (<c>/api/templates/{id}/board</c>, open cases by stage) and the metrics (<c>/api/templates/{id}/metrics</c>).
/// </summary>
public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup(ApiRoutes.Prefix).WithTags("Reports");
        reports
            .MapGet(ApiRoutes.TemplateBoard, GetBoardAsync)
            .WithSummary("A template's board: open cases per stage")
            .WithDescription($"Per stage of the template's newest version: the count of open cases and the newest "
                + $"casesPerStage of them (1-{BoardService.MaxCasesPerStage}, default {BoardService.DefaultCasesPerStage}). "
                + "Read from the board index (per stage: the newest open cases and their count; closed cases and other templates' "
                + "cases are not read).")
            .WithQuery(new QueryParameter(
                "casesPerStage", $"Cases listed per stage, 1-{BoardService.MaxCasesPerStage} (default {BoardService.DefaultCasesPerStage}).", JsonSchemaType.Integer)
            {
                Minimum = 1,
                Maximum = BoardService.MaxCasesPerStage,
            })
            .Produces<CaseBoard>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        reports
            .MapGet(ApiRoutes.TemplateMetrics, GetMetricsAsync)
            .WithSummary("A template's case metrics")
            .WithDescription("Time per stage over ended visits (ended by an exit, a move or a close; time on hold left out and "
                + "given apart), open and closed cases, SLA breaches and cases closed per day over the last "
                + $"{MetricsService.ThroughputDays} days. Read from totals kept up to date from the outbox (one row, whatever "
                + "the number of cases); they trail the cases by the outbox's delay.")
            .Produces<TemplateMetrics>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        reports
            .MapPost(ApiRoutes.TemplateMetricsRebuild, RebuildMetricsAsync)
            .WithSummary("Recompute a template's metrics from its cases' timelines")
            .WithDescription("Replaces the stored totals with totals recomputed from every case of the template and its whole "
                + "timeline, and answers them. For repair (totals that drifted, cases from before the totals existed); its "
                + "cost grows with the cases and their timelines.")
            .Produces<TemplateMetrics>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<IResult> GetBoardAsync(string id, HttpRequest request, BoardService boards, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(boards);

        // Admins only: the board counts and lists every case of the template, not only the caller's.
        if (await RequestAccess.RequireAsync(request.HttpContext, CaseFyPolicies.Admin) is { } denied)
        {
            return denied;
        }

        var perStage = BoardService.DefaultCasesPerStage;
        var raw = request.Query["casesPerStage"];
        if (raw.Count > 0
            && (raw.Count > 1 || !int.TryParse(raw[0], System.Globalization.NumberStyles.None, null, out perStage)
                || perStage is < 1 or > BoardService.MaxCasesPerStage))
        {
            return ApiProblems.Invalid("casesPerStage", $"casesPerStage is a whole number from 1 to {BoardService.MaxCasesPerStage}.");
        }

        var board = CaseIds.IsWellFormed(id) ? await boards.BuildAsync(id, perStage, cancellationToken) : null;
        return board is null ? ApiProblems.NotFound("template") : TypedResults.Ok(board);
    }

    public static Task<IResult> GetMetricsAsync(string id, HttpRequest request, MetricsService metrics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return AdminReportAsync(id, request, () => metrics.ComputeAsync(id, cancellationToken));
    }

    public static Task<IResult> RebuildMetricsAsync(string id, HttpRequest request, MetricsRebuild rebuild, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rebuild);
        return AdminReportAsync(id, request, () => rebuild.RebuildAsync(id, cancellationToken));
    }

    // Admins only: a report covers every case of the template, not only the caller's.
    private static async Task<IResult> AdminReportAsync(string id, HttpRequest request, Func<Task<TemplateMetrics?>> report)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await RequestAccess.RequireAsync(request.HttpContext, CaseFyPolicies.Admin) is { } denied)
        {
            return denied;
        }

        var metrics = CaseIds.IsWellFormed(id) ? await report() : null;
        return metrics is null ? ApiProblems.NotFound("template") : TypedResults.Ok(metrics);
    }
}
