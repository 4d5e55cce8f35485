using CaseFy.Application.Access;
using CaseFy.Application.Apis.OpenApi;
using CaseFy.Application.Timeline;
using CaseFy.Model.Access;
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
        api.MapGet(ApiRoutes.CaseTimelineExport, ExportTimelineAsync)
            .WithSummary("Download the whole timeline as JSON or CSV")
            .WithDescription("format=json (default: an array of timeline entries) or csv (header row, RFC 4180 quoting). "
                + "Without format, the Accept header chooses: text/csv gives CSV, application/json (or none) JSON. "
                + "Streamed as it is read from storage; holds the entries up to the case's length when the request started.")
            .WithQuery(QueryParameter.OfEnum<TimelineExportFormat>("format", "json or csv; overrides Accept (text/csv or application/json, the default)."))
            .Produces<TimelineEntry[]>(contentType: "application/json")
            .Produces<string>(contentType: "text/csv")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<IResult> ExportTimelineAsync(
        string id, HttpRequest request, TimelineService timelines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(timelines);
        if (await RequestAccess.RequireAsync(request.HttpContext, CaseFyPolicies.Read) is { } denied)
        {
            return denied;
        }

        if (!QueryValues.TryReadEnum(request, "format", ExportFormatNegotiation.FromAccept(request), out var format, out var problem))
        {
            return problem!;
        }

        // The representation depends on Accept when no format is given: caches must keep the two apart.
        request.HttpContext.Response.Headers.Vary = "Accept";

        var access = await RequestAccess.ToCaseAsync(request.HttpContext, id, timelines.Store, CaseAccessLevel.Read, cancellationToken);
        if (access.Problem is not null)
        {
            return access.Problem;
        }

        var entries = await timelines.SnapshotAsync(id, cancellationToken);
        return entries is null
            ? ApiProblems.NotFound("case")
            : TypedResults.Stream(
                body => TimelineExport.WriteAsync(entries, format, body, cancellationToken),
                TimelineExport.ContentType(format),
                TimelineExport.FileName(id, format));
    }

    public static async Task<IResult> VerifyTimelineAsync(
        string id, HttpRequest request, TimelineService timelines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(timelines);
        var access = await RequestAccess.ToCaseAsync(request.HttpContext, id, timelines.Store, CaseAccessLevel.Read, cancellationToken);
        if (access.Problem is not null)
        {
            return access.Problem;
        }

        var verdict = await timelines.VerifyAsync(id, cancellationToken);
        return verdict is null ? ApiProblems.NotFound("case") : TypedResults.Ok(verdict);
    }
}
