using System.Globalization;
using CaseFy.Application.Cases;
using CaseFy.Application.Documents;
using CaseFy.Application.Engine;
using CaseFy.Application.Events;
using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Templates;
using Microsoft.AspNetCore.Http;

namespace CaseFy.Application.Apis;

/// <summary>
/// Direct uploads, shared by the team routes and the portal routes: <see cref="IssueAsync"/> checks the announced file
/// against the document's limits and answers with a create-only URL for the next version's blob; the client PUTs the
/// file to Blob Storage; <see cref="ConfirmAsync"/> has it recorded and answers. The work is
/// <see cref="DocumentUploadService"/>'s; the recorder checks the blob as stored, so a client that announced one file
/// and sent another has it removed.
/// </summary>
public static class DirectUpload
{
    // Longer names are accepted and shortened by FileNames.Sanitize.
    private const int MaxFileNameLength = 1024;

    /// <summary>Reads the announced file (a <see cref="DirectUploadRequest"/>), or the problem with the body.</summary>
    public static Task<RequestBody.Read<DirectUploadRequest>> ReadAsync(HttpRequest request) =>
        RequestBody.ReadAsync(request, RequestJsonContext.Default.DirectUploadRequest, optional: false, request?.HttpContext.RequestAborted ?? default);

    /// <summary>The upload URL and headers for the next version of <paramref name="key"/>, or the problem to answer with.</summary>
    /// <param name="current">The case as read by the access check.</param>
    /// <param name="key">The document key (checked here).</param>
    /// <param name="body">The announced file (read by the caller: the team route after the access check, the portal
    /// route before it, so a body problem is told the same whatever the token).</param>
    /// <param name="actor">Who uploads: kept, signed, with the blob.</param>
    /// <param name="confirmPath">The confirm route for a version number.</param>
    /// <param name="uploads">Issues the URL.</param>
    /// <param name="engine">Told to look at the case when an earlier, unrecorded blob is recorded on the way.</param>
    /// <param name="cancellationToken">Cancels the storage calls.</param>
    public static async Task<(DirectUploadTicket? Ticket, IResult? Problem)> IssueAsync(
        CaseRecord current, string key, DirectUploadRequest body, Actor actor, Func<int, string> confirmPath, DocumentUploadService uploads,
        ICaseEngine engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(uploads);
        if (!TemplateKeys.IsKey(key))
        {
            return (null, ApiProblems.Invalid("key", "A document key starts with a lower-case letter, then up to 39 lower-case letters, digits or '-'."));
        }

        if (await uploads.LimitsAsync(current, key, cancellationToken) is not { } limits)
        {
            return (null, ApiProblems.NotFound("case"));
        }

        var contentType = DocumentContentTypes.Normalize(body.ContentType);
        var errors = Validate(body, contentType, limits.ContentTypes, limits.MaxBytes);
        if (errors.Count > 0)
        {
            return (null, ApiProblems.Invalid(errors));
        }

        try
        {
            var ticket = await uploads.IssueAsync(
                current, key, (FileNames.Sanitize(body.FileName), contentType!), limits.MaxBytes, actor, confirmPath, engine, cancellationToken);
            return ticket is null
                ? (null, TypedResults.Problem(
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: "Direct uploads unavailable",
                    detail: "Blob Storage could not sign an upload URL now: upload through the API (multipart/form-data) instead."))
                : (ticket, null);
        }
        catch (CaseRuleException ex)
        {
            return (null, ApiProblems.Conflict(ex.Message));
        }
    }

    /// <summary>
    /// Records the uploaded blob of <paramref name="version"/>; the case as it is afterwards, or the problem to answer
    /// with. <paramref name="confirmedBy"/> (the caller) is the uploader unless the blob carries the one CaseFy signed.
    /// </summary>
    public static async Task<(CaseRecord? Updated, IResult? Problem)> ConfirmAsync(
        CaseRecord current, string key, string version, Actor confirmedBy, DocumentUploadService uploads, ICaseEngine engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(uploads);
        if (!TemplateKeys.IsKey(key) || !int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || number is < 1 or > CaseLimits.MaxVersionsPerDocument)
        {
            return (null, ApiProblems.NotFound("document version"));
        }

        var (outcome, updated) = await uploads.ConfirmAsync(current, key, number, confirmedBy, engine, cancellationToken);
        if (outcome is DocumentUploadOutcome.Recorded or DocumentUploadOutcome.AlreadyRecorded)
        {
            return (updated, null);
        }

        var limits = await uploads.LimitsAsync(current, key, cancellationToken) ?? uploads.AdHocLimits;
        return (null, outcome switch
        {
            DocumentUploadOutcome.Missing => ApiProblems.Conflict(
                $"No file is uploaded for version {number} of document '{key}': PUT it to the upload URL first (or ask for a new one)."),
            DocumentUploadOutcome.WrongSize => TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "File too large",
                detail: $"The uploaded file is empty or larger than the {limits.MaxBytes} bytes this document takes: it was removed. Upload it again."),
            DocumentUploadOutcome.WrongType => TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported file type",
                detail: $"The uploaded file's type is not one this document takes ({string.Join(", ", limits.ContentTypes ?? [])}): it was removed. Upload it again."),
            _ => ApiProblems.Conflict(
                $"Version {number} of document '{key}' cannot be recorded: the case is closed, or another upload took this version. Ask for a new upload URL."),
        });
    }

    private static Dictionary<string, string[]> Validate(DirectUploadRequest body, string? contentType, IReadOnlyList<string>? contentTypes, long maxBytes)
    {
        var errors = new ValidationErrors();
        TextRules.RequireText(errors, "$.fileName", body.FileName, MaxFileNameLength);
        if (string.IsNullOrWhiteSpace(body.ContentType) || contentType is null)
        {
            errors.Add("$.contentType", "The file's media type, such as application/pdf.");
        }
        else if (!DocumentContentTypes.Allows(contentTypes, contentType))
        {
            errors.Add("$.contentType", $"This document takes files of type {string.Join(", ", contentTypes!)}.");
        }

        if (body.Size is not { } size || size < 1)
        {
            errors.Add("$.size", "The file's size in bytes (at least 1).");
        }
        else if (size > maxBytes)
        {
            errors.Add("$.size", $"This document takes files up to {maxBytes} bytes.");
        }

        return errors.ToDictionary();
    }
}
