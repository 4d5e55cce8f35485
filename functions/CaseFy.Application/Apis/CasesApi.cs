using System.Globalization;
using CaseFy.Application.Access;
using CaseFy.Application.Apis.OpenApi;
using CaseFy.Application.Cases;
using CaseFy.Application.Engine;
using CaseFy.Application.Security;
using CaseFy.Application.Timeline;
using CaseFy.Model;
using CaseFy.Model.Access;
using CaseFy.Model.Cases;
using CaseFy.Model.Json;
using CaseFy.Model.Ports;
using CaseFy.Model.Timeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFy.Application.Apis;

/// <summary>The <c>/api/cases</c> routes.</summary>
public static class CasesApi
{
    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiRoutes.Prefix).WithTags("Cases");
        api.MapPost(ApiRoutes.Cases, OpenCaseAsync)
            .WithSummary("Open a case on the newest version of a template")
            .AcceptsJson<NewCase>()
            .Produces<CaseRecord>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet(ApiRoutes.Cases, ListCasesAsync)
            .WithSummary("List cases, newest first, with filters")
            .WithDescription("Filters: templateId, status (open/closed), stage (key), owner (actor id or 'me'), overdue "
                + "(true/false), number (ONB-0042), q (text in the title or number, ignoring case). Paging: pageSize (1-100) and continuationToken. "
                + "Field filters, with templateId, on the template's filterable fields: field.{key}={value} (equal) or "
                + "field.{key}.{op}={value}, op one of eq, ne, gt, gte, lt, lte (the ordering ones for number, money, date "
                + "and dateTime fields), e.g. field.department=HR&field.amount.gt=1000&field.startDate.gte=2026-01-01. "
                + "The text and the field filters are matched after the other filters, reading at most 1,000 index rows per page: a page can "
                + "then hold fewer items than pageSize, even none, and still have a continuationToken.")
            .WithQuery([.. CaseListQuery.Parameters, CaseFieldQuery.Parameter, .. Paging.Parameters])
            .Produces<Page<CaseRecord>>().ProducesValidationProblem();
        api.MapGet(ApiRoutes.Case, GetCaseAsync)
            .WithSummary("Read a case, as it is or as it stood at a moment (asOf)")
            .WithDescription("asOf (RFC 3339 date-time with Z or an offset) answers the case rebuilt from its timeline "
                + "entries recorded at or before that moment, without an ETag: a view of the past, not a copy to change. "
                + "Access is checked against the case as it is now. A moment before the case was opened is a 404.")
            .WithQuery([new QueryParameter("asOf", "The moment to rebuild the case at (2026-03-03T12:00:00Z).") { Format = "date-time" }])
            .Produces<CaseRecord>().WithResponseHeader(StatusCodes.Status200OK, "ETag", CaseDataApi.CaseETagDescription)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost(ApiRoutes.CaseAdvance, AdvanceCaseAsync)
            .WithSummary("Ask to leave the current stage (the body is optional)")
            .AcceptsJson<AdvanceCase>(optional: true)
            .Produces<CaseRecord>(StatusCodes.Status202Accepted).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet(ApiRoutes.CaseTimeline, GetTimelineAsync)
            .WithSummary("Read the case's timeline a page at a time")
            .WithDescription("direction=forward (default, oldest first) or backward (newest first); pass the page's "
                + "continuationToken back to read on in the same direction.")
            .WithQuery([QueryParameter.OfEnum<TimelineDirection>("direction", "forward (default) or backward."), .. Paging.Parameters])
            .Produces<Page<TimelineEntry>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet(ApiRoutes.CaseView, GetCaseViewAsync)
            .WithSummary("Read a case and a page of its timeline in one answer (what the case page shows first)")
            .WithDescription("The case as GET /api/cases/{id} answers it, with its ETag, and the forward timeline page after "
                + "continuationToken (a seq; from the start without one), cut at the case's timelineLength so both are one "
                + "version of the case. timeline.continuationToken continues on GET /api/cases/{id}/timeline while entries up "
                + "to that length remain. One request, and the case and the page are read from storage at once.")
            .WithQuery([.. Paging.Parameters])
            .Produces<CaseView>().WithResponseHeader(StatusCodes.Status200OK, "ETag", CaseDataApi.CaseETagDescription)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<IResult> OpenCaseAsync(
        HttpRequest request, CaseService cases, ICaseEngine engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await RequestAccess.RequireAsync(request.HttpContext, CaseFyPolicies.Work) is { } denied)
        {
            return denied;
        }

        var body = await RequestBody.ReadValidAsync(request, CaseFyJsonContext.Default.NewCase, CaseRules.Validate, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        CaseRecord? opened;
        try
        {
            opened = await cases.OpenAsync(body.Value!, RequestActor.Of(request.HttpContext), engine, cancellationToken);
        }
        catch (CaseRuleException ex)
        {
            return ApiProblems.Conflict(ex.Message);
        }
        catch (CaseDataException ex)
        {
            return ApiProblems.Invalid(ex.Errors.ToDictionary(e => "$.data" + e.Key[1..], e => e.Value));
        }

        return opened is null
            ? ApiProblems.Invalid("$.templateId", "There is no template with this id.")
            : TypedResults.Created($"/{ApiRoutes.Prefix}/{ApiRoutes.Cases}/{opened.Id}", opened);
    }

    /// <remarks>
    /// Admins list every case; members and viewers only the cases they take part in, read from their own rows of the
    /// case index, so neither the items, the filters nor the paging touch anyone else's cases. Each copy is checked
    /// once more against the caller (a copy can lag the case by one change). The continuation token is sealed and
    /// bound to the caller and the query: another caller's token, or a token with other filters, is a 400.
    /// </remarks>
    public static async Task<IResult> ListCasesAsync(HttpRequest request, ICaseStore cases, ITemplateStore templates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(cases);
        var context = request.HttpContext;
        if (await RequestAccess.RequireAsync(context, CaseFyPolicies.Read) is { } denied)
        {
            return denied;
        }

        if (!Paging.TryRead(request, out var paging, out var problem) || !CaseListQuery.TryRead(request, out var filter, out problem))
        {
            return problem!;
        }

        var (fields, fieldProblem) = await CaseFieldQuery.ReadAsync(request, filter.TemplateId, templates, cancellationToken);
        if (fieldProblem is not null)
        {
            return fieldProblem;
        }

        filter = filter with { Fields = fields };
        var callerId = RequestActor.Of(context).Id;
        var participantId = CaseFyRoles.Of(context.User).HasFlag(AppRoles.Admin) ? null : callerId;
        var tokens = context.RequestServices.GetRequiredService<SealedTokens>();
        string?[] binding = ["cases", callerId, participantId, .. CaseListQuery.Normalized(filter)];
        string? position = null;
        if (paging.ContinuationToken is { } token && !tokens.TryOpen(token, binding, out position))
        {
            return BadToken();
        }

        try
        {
            var page = await cases.FindAsync(filter, participantId, position, paging.PageSize, cancellationToken);
            return TypedResults.Ok(new Page<CaseRecord>(
                page.Items.Where(c => RequestAccess.CanSee(context, c)).ToList(),
                page.ContinuationToken is { } next ? tokens.Seal(next, binding) : null));
        }
        catch (FormatException)
        {
            return BadToken();
        }

        static IResult BadToken() => ApiProblems.Invalid(
            "continuationToken", "Pass back the continuationToken of the previous page, with the same filters, as the same caller.");
    }

    public static async Task<IResult> GetCaseAsync(
        string id, HttpRequest request, TimelineService timelines, ITemplateStore templates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(timelines);
        ArgumentNullException.ThrowIfNull(templates);
        if (await RequestAccess.RequireAsync(request.HttpContext, CaseFyPolicies.Read) is { } denied)
        {
            return denied;
        }

        if (!QueryValues.TryReadMoment(request, "asOf", out var asOf, out var problem))
        {
            return problem!;
        }

        var access = await RequestAccess.ToCaseAsync(request.HttpContext, id, timelines.Store, CaseAccessLevel.Read, cancellationToken);
        if (access.Problem is not null)
        {
            return access.Problem;
        }

        var current = access.Case!;
        if (asOf is not { } moment)
        {
            request.HttpContext.Response.Headers.ETag = CaseDataApi.ETagOf(current);
            return TypedResults.Ok(current);
        }

        var template = await templates.GetAsync(current.TemplateId, current.TemplateVersion, cancellationToken)
            ?? throw new InvalidOperationException($"Case {current.Id} runs on a template version that is not stored.");
        var then = await timelines.AsOfAsync(current, template, moment, cancellationToken);
        return then is null
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Not found",
                detail: "The case did not exist yet at asOf: it was opened at " + current.CreatedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) + ".")
            : TypedResults.Ok(then);
    }

    public static async Task<IResult> AdvanceCaseAsync(
        string id, HttpRequest request, CaseService cases, ICaseEngine engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var access = await RequestAccess.ToCaseAsync(request.HttpContext, id, cases.Store, CaseAccessLevel.Work, cancellationToken);
        if (access.Problem is not null)
        {
            return access.Problem;
        }

        var body = await RequestBody.ReadAsync(request, CaseFyJsonContext.Default.AdvanceCase, optional: true, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var advance = body.Value ?? new AdvanceCase(Reason: null);
        var errors = CaseRules.Validate(advance);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        try
        {
            var updated = await cases.RequestAdvanceAsync(id, advance, RequestActor.Of(request.HttpContext), engine, access.Case, cancellationToken);
            return updated is null
                ? ApiProblems.NotFound("case")
                : TypedResults.Accepted($"/{ApiRoutes.Prefix}/{ApiRoutes.Cases}/{id}", updated);
        }
        catch (CaseRuleException ex)
        {
            return ApiProblems.Conflict(ex.Message);
        }
    }

    public static async Task<IResult> GetTimelineAsync(
        string id, HttpRequest request, TimelineService timelines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(timelines);
        if (await RequestAccess.RequireAsync(request.HttpContext, CaseFyPolicies.Read) is { } denied)
        {
            return denied;
        }

        if (!Paging.TryRead(request, out var paging, out var problem))
        {
            return problem!;
        }

        if (!QueryValues.TryReadEnum(request, "direction", TimelineDirection.Forward, out var direction, out problem))
        {
            return problem!;
        }

        if (!TryReadSeq(paging, out var cursor, out problem))
        {
            return problem!;
        }

        var access = await RequestAccess.ToCaseAsync(request.HttpContext, id, timelines.Store, CaseAccessLevel.Read, cancellationToken);
        if (access.Problem is not null)
        {
            return access.Problem;
        }

        var page = await timelines.GetPageAsync(id, direction, cursor, paging.PageSize, cancellationToken);
        return page is null ? ApiProblems.NotFound("case") : TypedResults.Ok(page);
    }

    public static async Task<IResult> GetCaseViewAsync(
        string id, HttpRequest request, TimelineService timelines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(timelines);
        if (await RequestAccess.RequireAsync(request.HttpContext, CaseFyPolicies.Read) is { } denied)
        {
            return denied;
        }

        if (!Paging.TryRead(request, out var paging, out var problem) || !TryReadSeq(paging, out var after, out problem))
        {
            return problem!;
        }

        if (!CaseIds.IsWellFormed(id))
        {
            return ApiProblems.NotFound("case");
        }

        var access = default(CaseAccess);
        var view = await timelines.ViewAsync(
            id, after ?? 0, paging.PageSize,
            async () => (access = await RequestAccess.ToCaseAsync(request.HttpContext, id, timelines.Store, CaseAccessLevel.Read, cancellationToken)).Case,
            cancellationToken);
        if (view is null)
        {
            return access.Problem!;
        }

        request.HttpContext.Response.Headers.ETag = CaseDataApi.ETagOf(view.Case);
        return TypedResults.Ok(view);
    }

    // A forward timeline page's continuation token: the seq the page ends at.
    private static bool TryReadSeq(Paging paging, out long? seq, out IResult? problem)
    {
        seq = null;
        problem = null;
        if (paging.ContinuationToken is not { } token)
        {
            return true;
        }

        if (!long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 0)
        {
            problem = ApiProblems.Invalid("continuationToken", "Pass back the continuationToken of the previous page.");
            return false;
        }

        seq = parsed;
        return true;
    }
}
