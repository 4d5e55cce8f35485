using System.Globalization;
using CaseFy.Application.Access;
using CaseFy.Application.Apis.OpenApi;
using CaseFy.Application.Cases;
using CaseFy.Application.Documents;
using CaseFy.Application.Engine;
using CaseFy.Model.Access;
using CaseFy.Model.Cases;
using CaseFy.Model.Json;
using CaseFy.Model.Ports;
using CaseFy.Model.Templates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CaseFy.Application.Apis;

/// <summary>
/// Case documents: upload a version (multipart/form-data, one file part), list, download a version, accept, reject with
/// a reason (the document is requested again). Listing and downloading need read access to the case, the rest work.
/// </summary>
public static class DocumentsApi
{
    public static IEndpointRouteBuilder MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiRoutes.Prefix).WithTags("Documents");

        // The form is read by the handler (streamed to Blob Storage), so it is described here rather than bound.
        api.MapPost(ApiRoutes.CaseDocument, UploadAsync).WithName("uploadDocument").AcceptsFile().Produces<CaseRecord>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Uploads a version of a document (multipart/form-data, one file part)");
        api.MapPost(ApiRoutes.CaseDocumentUploadUrl, GetUploadUrlAsync).WithName("getDocumentUploadUrl").AcceptsJson<DirectUploadRequest>()
            .Produces<DirectUploadTicket>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("A short-lived, create-only URL to PUT the next version of a document straight to Blob Storage");
        api.MapPost(ApiRoutes.DocumentConfirm, ConfirmAsync).WithName("confirmDocumentUpload").Produces<CaseRecord>().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Records a version PUT to its upload URL (once, whether or not its BlobCreated event came first)");
        api.MapGet(ApiRoutes.CaseDocuments, ListAsync).WithName("listDocuments").WithSummary("The case's documents and their versions")
            .Produces<CaseDocumentList>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet(ApiRoutes.DocumentContent, GetContentAsync).WithName("getDocumentContent")
            .WithQuery(DocumentDownload.StreamParameter)
            .Produces(StatusCodes.Status302Found)
            .Produces<Stream>(StatusCodes.Status200OK, "application/octet-stream")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Downloads a version: a redirect to a short-lived read-only link, or the bytes with ?stream=true");
        api.MapPost(ApiRoutes.DocumentAccept, AcceptAsync).WithName("acceptDocument").WithSummary("Accept the latest version (no body, or {})")
            .Produces<CaseRecord>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost(ApiRoutes.DocumentReject, RejectAsync).WithName("rejectDocument").WithSummary("Reject the latest version: the document is asked for again")
            .AcceptsJson<ReasonRequest>().Produces<CaseRecord>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<IResult> UploadAsync(
        string id, string key, HttpRequest request, ICaseStore cases, DocumentUploadService uploads, ICaseEngine engine)
    {
        ArgumentNullException.ThrowIfNull(request);
        var access = await RequestAccess.ToCaseAsync(request.HttpContext, id, cases, CaseAccessLevel.Work, request.HttpContext.RequestAborted);
        if (access.Problem is not null)
        {
            return access.Problem;
        }

        var (updated, problem) = await DocumentUpload.RunAsync(access.Case!, key, request, RequestActor.Of(request.HttpContext), uploads, engine);
        return problem ?? TypedResults.Ok(updated);
    }

    /// <summary>An upload URL for the next version (see <see cref="DirectUpload"/>); same access as the multipart upload.</summary>
    public static async Task<IResult> GetUploadUrlAsync(
        string id, string key, HttpRequest request, ICaseStore cases, DocumentUploadService uploads, ICaseEngine engine)
    {
        ArgumentNullException.ThrowIfNull(request);
        var access = await RequestAccess.ToCaseAsync(request.HttpContext, id, cases, CaseAccessLevel.Work, request.HttpContext.RequestAborted);
        if (access.Problem is not null)
        {
            return access.Problem;
        }

        var read = await DirectUpload.ReadAsync(request);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        var (ticket, problem) = await DirectUpload.IssueAsync(
            access.Case!, key, read.Value!, RequestActor.Of(request.HttpContext), v => ConfirmPath(access.Case!.Id, key, v), uploads, engine,
            request.HttpContext.RequestAborted);
        return problem ?? TypedResults.Ok(ticket);
    }

    /// <summary>Records a directly uploaded version; answers with the case, as the multipart upload does.</summary>
    public static async Task<IResult> ConfirmAsync(
        string id, string key, string version, HttpRequest request, ICaseStore cases, DocumentUploadService uploads, ICaseEngine engine)
    {
        ArgumentNullException.ThrowIfNull(request);
        var access = await RequestAccess.ToCaseAsync(request.HttpContext, id, cases, CaseAccessLevel.Work, request.HttpContext.RequestAborted);
        if (access.Problem is not null)
        {
            return access.Problem;
        }

        var (updated, problem) = await DirectUpload.ConfirmAsync(access.Case!, key, version, RequestActor.Of(request.HttpContext), uploads, engine, request.HttpContext.RequestAborted);
        return problem ?? (updated is null ? ApiProblems.NotFound("case") : TypedResults.Ok(updated));
    }

    public static async Task<IResult> ListAsync(
        string id, HttpRequest request, ICaseStore cases, ITemplateStore templates, IOptions<DocumentOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(options);
        var access = await RequestAccess.ToCaseAsync(request.HttpContext, id, cases, CaseAccessLevel.Read, cancellationToken);
        if (access.Problem is not null)
        {
            return access.Problem;
        }

        var current = access.Case!;
        var template = await templates.GetAsync(current.TemplateId, current.TemplateVersion, cancellationToken);
        return TypedResults.Ok(new CaseDocumentList(
            [.. current.Documents.Select(d => DocumentListItem.From(d, template, options.Value.AdHocMaxBytes))]));
    }

    /// <summary>
    /// A version's file. By default a 302 to a read-only SAS URL for that one blob (valid
    /// <see cref="DocumentOptions.DownloadLinkLifetime"/>, served as an attachment with the sanitised file name), so the
    /// bytes never pass through the API; with <c>?stream=true</c>, or when no link can be signed, the API streams the
    /// bytes itself (for clients that cannot follow a redirect to another origin, such as a browser fetch with a token).
    /// </summary>
    public static async Task<IResult> GetContentAsync(
        string id, string key, string version, HttpRequest request, DocumentDownload download, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(download);
        var access = await RequestAccess.ToCaseAsync(request.HttpContext, id, download.Cases, CaseAccessLevel.Read, cancellationToken);
        if (access.Problem is not null)
        {
            return access.Problem;
        }

        var stored = int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? access.Case!.Documents.FirstOrDefault(d => d.Key == key)?.Versions.FirstOrDefault(v => v.Version == number)
            : null;
        return stored is null ? ApiProblems.NotFound("document version") : await download.AnswerAsync(stored, request, cancellationToken);
    }

    /// <summary>Accepts the latest version (no body, or <c>{}</c>).</summary>
    public static Task<IResult> AcceptAsync(string id, string key, HttpRequest request, CaseService cases, ICaseEngine engine) =>
        CaseAction.RunAsync(id, request, RequestJsonContext.Default.ReasonRequest, ValidateAccept,
            (c, _, _, actor, now) => DocumentRules.Accept(c, key, actor, now), "document-accepted", cases, engine,
            emptyBody: new ReasonRequest(Reason: null));

    /// <summary>Rejects the latest version; <c>{"reason": "..."}</c> is required and the document is requested again.</summary>
    public static Task<IResult> RejectAsync(string id, string key, HttpRequest request, CaseService cases, ICaseEngine engine) =>
        CaseAction.RunAsync(id, request, RequestJsonContext.Default.ReasonRequest, ValidateReject,
            (c, _, body, actor, now) => DocumentRules.Reject(c, key, body.Reason!, actor, now), "document-rejected", cases, engine);

    private static string ConfirmPath(string caseId, string key, int version) =>
        "/" + ApiRoutes.Prefix + "/" + ApiRoutes.DocumentConfirm
            .Replace("{id}", Uri.EscapeDataString(caseId), StringComparison.Ordinal)
            .Replace("{key}", key, StringComparison.Ordinal)
            .Replace("{version}", version.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static Dictionary<string, string[]> ValidateAccept(ReasonRequest request) =>
        request.Reason is null ? [] : new() { ["$.reason"] = ["Accepting takes no reason."] };

    private static Dictionary<string, string[]> ValidateReject(ReasonRequest request)
    {
        var errors = new Model.ValidationErrors();
        Model.TextRules.RequireText(errors, "$.reason", request.Reason, Model.TextRules.MaxReasonLength);
        return errors.ToDictionary();
    }
}
