using CaseFy.Application.Access;
using CaseFy.Application.Cases;
using CaseFy.Application.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseFy.Application.Apis;

/// <summary>The <c>/api/templates/{id}/board</c> route: a template's open cases by stage (admins: it shows every case).</summary>
public static class BoardApi
{
    public static IEndpointRouteBuilder MapBoardApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup(ApiRoutes.Prefix).WithTags("Reports")
            .MapGet(ApiRoutes.TemplateBoard, GetBoardAsync)
            .WithSummary("A template's board: open cases per stage")
            .WithDescription($"Per stage of the template's newest version: the count of open cases and the newest "
                + $"casesPerStage of them (1-{BoardService.MaxCasesPerStage}, default {BoardService.DefaultCasesPerStage}). "
                + "Computed on request from the case index (one scan of the template's open cases).")
            .Produces<CaseBoard>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
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
}
