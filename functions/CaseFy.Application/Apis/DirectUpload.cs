using System.Globalization;
using CaseFy.Application.Documents;
using CaseFy.Application.Engine;
using CaseFy.Application.Events;
using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Ports;
using CaseFy.Model.Templates;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CaseFy.Application.Apis;

/// <summary>
/// Direct uploads, shared by the team routes and the portal routes: <see cref="IssueAsync"/> checks the announced file
/// against the document's limits and hands out a create-only URL for the next version's blob (named by
/// <see cref="DocumentRules.BlobName"/>, never by the client); the client PUTs the file to Blob Storage; then
/// <see cref="ConfirmAsync"/> records it through <see cref="IDocumentUploadRecorder"/>, the path the BlobCreated event
/// takes too, so a confirm and an event (in any order, any number of times) record the blob once. The recorder checks
/// the blob as stored: a client that announced one file and sent another has it removed.
/// </summary>
public static class DirectUpload
{
    // A version's blob found written but not recorded is recorded first, then the next number is tried.
    private const int MaxVersionAttempts = 3;

    // Longer names are accepted and shortened by FileNames.Sanitize.
    private const int MaxFileNameLength = 1024;

    /// <summary>Reads the announced file (a <see cref="DirectUploadRequest"/>), or the problem with the body.</summary>
    public static Task<RequestBody.Read<DirectUploadRequest>> ReadAsync(HttpRequest request) =>
        RequestBody.ReadAsync(request, Model.Json.CaseFyJsonContext.Default.DirectUploadRequest, optional: false, request?.HttpContext.RequestAborted ?? default);

    /// <summary>The upload URL and headers for the next version of <paramref name="key"/>, or the problem to answer with.</summary>
    /// <param name="current">The case as read by the access check.</param>
    /// <param name="key">The document key (checked here).</param>
    /// <param name="body">The announced file (read by the caller: the team route after the access check, the portal
    /// route before it, so a body problem is told the same whatever the token).</param>
    /// <param name="request">The request.</param>
    /// <param name="actor">Who uploads: kept, signed, with the blob.</param>
    /// <param name="confirmPath">The confirm route for a version number.</param>
    /// <param name="engine">Told to look at the case when an earlier, unrecorded blob is recorded on the way.</param>
    public static async Task<(DirectUploadTicket? Ticket, IResult? Problem)> IssueAsync(
        CaseRecord current, string key, DirectUploadRequest body, HttpRequest request, Actor actor, Func<int, string> confirmPath, ICaseEngine engine)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(confirmPath);
        var services = request.HttpContext.RequestServices;
        var cancellationToken = request.HttpContext.RequestAborted;
        if (!TemplateKeys.IsKey(key))
        {
            return (null, ApiProblems.Invalid("key", "A document key starts with a lower-case letter, then up to 39 lower-case letters, digits or '-'."));
        }

        var template = await services.GetRequiredService<ITemplateStore>().GetAsync(current.TemplateId, current.TemplateVersion, cancellationToken);
        if (template is null)
        {
            return (null, ApiProblems.NotFound("case"));
        }

        var options = services.GetRequiredService<IOptions<DocumentOptions>>().Value;
        var (contentTypes, maxBytes) = DocumentRules.LimitsOf(template, key, options.AdHocMaxBytes);
        var contentType = DocumentContentTypes.Normalize(body.ContentType);
        var errors = Validate(body, contentType, contentTypes, maxBytes);
        if (errors.Count > 0)
        {
            return (null, ApiProblems.Invalid(errors));
        }

        var documents = services.GetRequiredService<IDocumentStore>();
        var recorder = services.GetRequiredService<IDocumentUploadRecorder>();
        for (var attempt = 0; attempt < MaxVersionAttempts; attempt++)
        {
            try
            {
                DocumentRules.RequireRoomFor(current, key);
            }
            catch (CaseRuleException ex)
            {
                return (null, ApiProblems.Conflict(ex.Message));
            }

            var version = DocumentRules.NextVersion(current, key);
            var blobName = DocumentRules.BlobName(current.Id, key, version);
            if (await documents.GetInfoAsync(blobName, cancellationToken) is not null)
            {
                // Uploaded with an earlier URL and never confirmed (locally no event comes): record it as its event
                // would, so the next number is free, and try again with the case as it is now.
                await recorder.RecordAsync(new BlobCreatedNotice(current.Id, key, version, blobName, string.Empty, 0), engine, cancellationToken);
                current = await services.GetRequiredService<ICaseStore>().GetAsync(current.Id, cancellationToken) ?? current;
                continue;
            }

            var expiresAt = services.GetRequiredService<TimeProvider>().GetUtcNow() + options.UploadLinkLifetime;
            var url = await documents.GetCreateUrlAsync(blobName, expiresAt, cancellationToken);
            if (url is null)
            {
                return (null, TypedResults.Problem(
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: "Direct uploads unavailable",
                    detail: "Blob Storage could not sign an upload URL now: upload through the API (multipart/form-data) instead."));
            }

            var metadata = services.GetRequiredService<UploadMetadataSigner>().MetadataFor(blobName, FileNames.Sanitize(body.FileName), actor);
            var headers = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["x-ms-blob-type"] = "BlockBlob",
                ["Content-Type"] = contentType!,
            };
            foreach (var (name, value) in metadata)
            {
                headers["x-ms-meta-" + name] = value;
            }

            return (new DirectUploadTicket(url, "PUT", version, expiresAt, headers, maxBytes, confirmPath(version)), null);
        }

        return (null, ApiProblems.Conflict($"Other uploads of document '{key}' keep happening at the same time: try again."));
    }

    /// <summary>Records the uploaded blob of <paramref name="version"/>; the case as it is afterwards, or the problem to answer with.</summary>
    public static async Task<(CaseRecord? Updated, IResult? Problem)> ConfirmAsync(
        CaseRecord current, string key, string version, HttpContext context, ICaseEngine engine)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(context);
        if (!TemplateKeys.IsKey(key) || !int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || number is < 1 or > CaseLimits.MaxVersionsPerDocument)
        {
            return (null, ApiProblems.NotFound("document version"));
        }

        var services = context.RequestServices;
        var cancellationToken = context.RequestAborted;
        var blobName = DocumentRules.BlobName(current.Id, key, number);
        var outcome = await services.GetRequiredService<IDocumentUploadRecorder>().RecordAsync(
            new BlobCreatedNotice(current.Id, key, number, blobName, string.Empty, 0), engine, cancellationToken);
        if (outcome is DocumentUploadOutcome.Recorded or DocumentUploadOutcome.AlreadyRecorded)
        {
            return (await services.GetRequiredService<ICaseStore>().GetAsync(current.Id, cancellationToken), null);
        }

        var template = await services.GetRequiredService<ITemplateStore>().GetAsync(current.TemplateId, current.TemplateVersion, cancellationToken);
        var (contentTypes, maxBytes) = template is null
            ? (null, services.GetRequiredService<IOptions<DocumentOptions>>().Value.AdHocMaxBytes)
            : DocumentRules.LimitsOf(template, key, services.GetRequiredService<IOptions<DocumentOptions>>().Value.AdHocMaxBytes);
        return (null, outcome switch
        {
            DocumentUploadOutcome.Missing => ApiProblems.Conflict(
                $"No file is uploaded for version {number} of document '{key}': PUT it to the upload URL first (or ask for a new one)."),
            DocumentUploadOutcome.WrongSize => TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "File too large",
                detail: $"The uploaded file is empty or larger than the {maxBytes} bytes this document takes: it was removed. Upload it again."),
            DocumentUploadOutcome.WrongType => TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported file type",
                detail: $"The uploaded file's type is not one this document takes ({string.Join(", ", contentTypes ?? [])}): it was removed. Upload it again."),
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
