using CaseFy.Application.Cases;
using CaseFy.Application.Timeline;
using CaseFy.Model.Timeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseFy.Application.Apis;

/// <summary>The timeline's read-back routes: chain verification and export (paging is <see cref="CasesApi.GetTimelineAsync"/>).</summary>
public static class TimelineApi
{
    public static IEndpointRouteBuilder MapTimelineApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiRoutes.Prefix).WithTags("Timeline");
        api.MapGet(ApiRoutes.CaseTimelineVerify, VerifyTimelineAsync)
            .WithSummary("Recompute the case's timeline hash chain")
            .WithDescription("Streams every entry, recomputes each hash and its link to the previous entry, and checks that the "
                + "chain ends at the length and head hash the case records. Reports the first missing, altered or foreign entry.")
            .Produces<TimelineVerification>().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<IResult> VerifyTimelineAsync(string id, TimelineService timelines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timelines);
        var verdict = CaseIds.IsWellFormed(id) ? await timelines.VerifyAsync(id, cancellationToken) : null;
        return verdict is null ? ApiProblems.NotFound("case") : TypedResults.Ok(verdict);
    }
}
