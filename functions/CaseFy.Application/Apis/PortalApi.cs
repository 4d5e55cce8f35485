using CaseFy.Application.Apis.OpenApi;
using CaseFy.Application.Cases;
using CaseFy.Application.Documents;
using CaseFy.Application.Engine;
using CaseFy.Application.Portal;
using CaseFy.Model.Cases;
using CaseFy.Model.Portal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseFy.Application.Apis;

/// <summary>
/// The public <c>/api/portal/{token}</c> routes for external parties (no account: the token is the capability).
/// An expired, revoked, malformed or unknown token gets the same 404, so the answer tells nothing about which.
/// Both hosts rate-limit these routes per token and per client address (<see cref="PortalRateLimiter"/>).
/// </summary>
public static class PortalApi
{
    public static IEndpointRouteBuilder MapPortalApi(this IEndpointRouteBuilder app)
    {
        // No bearer token: the link's capability token in the path is the credential (404 when unknown or revoked).
        var api = app.MapGroup(ApiRoutes.Prefix).WithTags("Portal").AllowAnonymous();
        api.MapGet(ApiRoutes.Portal, GetViewAsync).WithName("portalView").WithSummary("The external party's view of the case")
            .Produces<PortalView>().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet(ApiRoutes.PortalTimeline, GetTimelineAsync).WithName("portalTimeline")
            .WithSummary("Older public timeline entries of the external view, a page at a time")
            .WithDescription("Pass the view's timelineContinuationToken, then each page's continuationToken, to read further back. "
                + "Each page holds the next older public entries, oldest first; a page may hold fewer than pageSize, even none, "
                + "and still carry a continuationToken (one request reads at most a bounded stretch of the timeline).")
            .WithQuery(Paging.Parameters)
            .Produces<Model.Page<PortalTimelineEntry>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapPatch(ApiRoutes.PortalData, AnswerAsync).WithName("portalAnswer")
            .Accepts<Dictionary<string, System.Text.Json.JsonElement>>(CaseDataApi.MergePatchJson)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("The external party answers the fields the current stage asks of them (JSON merge patch)");
        api.MapPost(ApiRoutes.PortalDocument, UploadAsync).WithName("portalUpload").AcceptsFile()
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("The external party uploads a document asked of them (multipart/form-data, one file part)");
        api.MapPost(ApiRoutes.PortalDocumentUploadUrl, GetUploadUrlAsync).WithName("portalGetUploadUrl")
            .AcceptsJson<DirectUploadRequest>()
            .Produces<Documents.DirectUploadTicket>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("The external party gets a short-lived, create-only URL to PUT a document asked of them straight to Blob Storage");
        api.MapPost(ApiRoutes.PortalDocumentConfirm, ConfirmAsync).WithName("portalConfirm")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("The external party confirms a document PUT to its upload URL");
        return app;
    }

    public static async Task<IResult> GetViewAsync(
        string token, HttpRequest request, PortalLinkService links, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(links);
        var match = await links.ResolveAsync(token, cancellationToken);
        if (match is null)
        {
            return ApiProblems.NotFound("portal link");
        }

        await links.RecordUseAsync(match, "view", cancellationToken);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(await links.ViewAsync(match, cancellationToken));
    }

    /// <summary>
    /// Pages back through the public timeline from a continuation token (the view's <c>timelineContinuationToken</c>,
    /// then each page's). A link without <c>view</c> gets 403, as its view carries no timeline.
    /// </summary>
    public static async Task<IResult> GetTimelineAsync(
        string token, HttpRequest request, PortalLinkService links, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(links);
        if (!Paging.TryReadBackward(request, out var before, out var pageSize, out var problem))
        {
            return problem!;
        }

        var match = await links.ResolveAsync(token, cancellationToken);
        if (match is null)
        {
            return ApiProblems.NotFound("portal link");
        }

        if (!match.Link.Actions.Contains(PortalAction.View))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "This link does not show the timeline.");
        }

        await links.RecordUseAsync(match, "view", cancellationToken);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(await links.PublicTimelineAsync(match, before, pageSize, cancellationToken));
    }

    /// <summary>
    /// The link's party fills fields (a JSON merge patch, checked as the team's is): only the current stage's
    /// <c>externalFields</c> (any other key is a 400 naming it), recorded as one <c>FieldsChanged</c> entry with the link's
    /// name as actor. A link without <c>answer</c> gets 403; the answer is 204, as for uploads.
    /// </summary>
    public static async Task<IResult> AnswerAsync(
        string token, HttpRequest request, PortalLinkService links, CaseService cases, ICaseEngine engine)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(cases);
        var cancellationToken = request.HttpContext.RequestAborted;
        var match = await links.ResolveAsync(token, cancellationToken);
        if (match is null)
        {
            return ApiProblems.NotFound("portal link");
        }

        if (!match.Link.Actions.Contains(PortalAction.Answer))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "This link does not allow answers.");
        }

        var body = await CaseDataApi.ReadPatchAsync(request, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        try
        {
            await cases.ActAsync(
                match.Case.Id, "data", (c, t, now) => CaseData.Change(c, t, body.Value!, FieldEditor.External, match.Link.AsActor(), now), engine, read: null, cancellationToken);
        }
        catch (CaseRuleException ex)
        {
            return ApiProblems.Conflict(ex.Message);
        }
        catch (CaseDataException ex)
        {
            return ApiProblems.Invalid(ex.Errors);
        }

        await links.RecordUseAsync(match, "answer", cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Uploads a document asked of the link's party (see <see cref="PortalDocuments"/>), with the document's limits. A
    /// document not asked of an external party is 404 (as a bad token is); a link without the <c>upload</c> action gets
    /// 403 for one that is (its holder knows the link is real). The answer is 204: the party sees their upload in the
    /// view, never the internal case.
    /// </summary>
    public static async Task<IResult> UploadAsync(
        string token, string key, HttpRequest request, PortalLinkService links, DocumentUploadService uploads, ICaseEngine engine)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (match, denied) = await ResolveUploaderAsync(token, key, request, links);
        if (denied is not null)
        {
            return denied;
        }

        var (_, problem) = await DocumentUpload.RunAsync(match!.Case, key, request, match.Link.AsActor(), uploads, engine);
        if (problem is not null)
        {
            return problem;
        }

        await links.RecordUseAsync(match, "upload", request.HttpContext.RequestAborted);
        return TypedResults.NoContent();
    }

    /// <summary>An upload URL for a document asked of the link's party (see <see cref="DirectUpload"/>); the checks of <see cref="UploadAsync"/>.</summary>
    public static async Task<IResult> GetUploadUrlAsync(
        string token, string key, HttpRequest request, PortalLinkService links, DocumentUploadService uploads, ICaseEngine engine)
    {
        ArgumentNullException.ThrowIfNull(request);
        var read = await DirectUpload.ReadAsync(request);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        var (match, denied) = await ResolveUploaderAsync(token, key, request, links);
        if (denied is not null)
        {
            return denied;
        }

        var (ticket, problem) = await DirectUpload.IssueAsync(
            match!.Case, key, read.Value!, match.Link.AsActor(), v => ConfirmPath(token, key, v), uploads, engine, request.HttpContext.RequestAborted);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return problem ?? TypedResults.Ok(ticket);
    }

    /// <summary>Records a document the link's party PUT to its upload URL; 204 as <see cref="UploadAsync"/>.</summary>
    public static async Task<IResult> ConfirmAsync(
        string token, string key, string version, HttpRequest request, PortalLinkService links, DocumentUploadService uploads, ICaseEngine engine)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (match, denied) = await ResolveUploaderAsync(token, key, request, links);
        if (denied is not null)
        {
            return denied;
        }

        var (_, problem) = await DirectUpload.ConfirmAsync(match!.Case, key, version, match.Link.AsActor(), uploads, engine, request.HttpContext.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        await links.RecordUseAsync(match, "upload", request.HttpContext.RequestAborted);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// The link, when it may upload document <paramref name="key"/>: a document not asked of an external party is 404 (as
    /// a bad token is); a link without the <c>upload</c> action gets 403 for one that is (its holder knows the link is real).
    /// </summary>
    private static async Task<(PortalLinkMatch? Match, IResult? Denied)> ResolveUploaderAsync(
        string token, string key, HttpRequest request, PortalLinkService links)
    {
        ArgumentNullException.ThrowIfNull(links);
        var match = await links.ResolveAsync(token, request.HttpContext.RequestAborted);
        if (match is null)
        {
            return (null, ApiProblems.NotFound("portal link"));
        }

        if (!PortalDocuments.IsRequested(match.Case, key))
        {
            return (null, ApiProblems.NotFound("document asked of you"));
        }

        return match.Link.Actions.Contains(PortalAction.Upload)
            ? (match, null)
            : (null, TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "This link does not allow uploads."));
    }

    private static string ConfirmPath(string token, string key, int version) =>
        "/" + ApiRoutes.Prefix + "/" + ApiRoutes.PortalDocumentConfirm
            .Replace("{token}", Uri.EscapeDataString(token), StringComparison.Ordinal)
            .Replace("{key}", key, StringComparison.Ordinal)
            .Replace("{version}", version.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
