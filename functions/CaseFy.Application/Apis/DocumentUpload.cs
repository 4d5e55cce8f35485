using System.Text;
using CaseFy.Application.Documents;
using CaseFy.Application.Engine;
using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Templates;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace CaseFy.Application.Apis;

/// <summary>
/// One multipart/form-data upload of a document version, shared by the team route and the portal route: reads the
/// request (one file part, streamed, never buffered whole) and answers; <see cref="DocumentUploadService"/> stores and
/// records the file. The client's file name is only sanitised metadata.
/// </summary>
public static class DocumentUpload
{
    /// <summary>Room for the multipart framing around the file (boundaries, part headers, small extra fields).</summary>
    public const long MultipartOverheadBytes = 64 * 1024;

    /// <summary>The largest upload request either host reads: the largest document a template may allow, framed.</summary>
    public const long MaxRequestBytes = TemplateRules.MaxDocumentBytes + MultipartOverheadBytes;

    private const int MaxParts = 8;

    // A form field before the file (a message's text) is read whole: this much at most.
    private const long MaxFieldBytes = 32 * 1024;

    /// <summary>Uploads the file of <paramref name="request"/> as the next version of document <paramref name="key"/>.</summary>
    /// <param name="current">The case as read by the access check.</param>
    /// <param name="key">The document key (checked here).</param>
    /// <param name="request">The multipart request.</param>
    /// <param name="actor">Who uploads (a person, or a portal link's party).</param>
    /// <param name="uploads">Stores and records the file.</param>
    /// <param name="engine">Told to look at the case after the record.</param>
    /// <param name="withFields">
    /// For an upload that records more than the version (a message with a file): given the form fields sent before the
    /// file part, the rule that records the file with the rest, or the problem to answer with; nothing is written then.
    /// </param>
    /// <returns>The case after the record, or the 400/404/409/413/415 problem to answer with.</returns>
    public static async Task<(CaseRecord? Updated, IResult? Problem)> RunAsync(
        CaseRecord current,
        string key,
        HttpRequest request,
        Actor actor,
        DocumentUploadService uploads,
        ICaseEngine engine,
        Func<IReadOnlyDictionary<string, string>, (Func<CaseRecord, CaseTemplate, UploadedFile, DateTimeOffset, CaseChange?>? Record, IResult? Problem)>? withFields = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(uploads);
        var cancellationToken = request.HttpContext.RequestAborted;

        // The body's type first: a request that is no upload at all is told so, whatever else is wrong with it.
        if (!TryReadBoundary(request, out var boundary, out var problem))
        {
            return (null, problem!);
        }

        if (!TemplateKeys.IsKey(key))
        {
            return (null, ApiProblems.Invalid("key", "A document key starts with a lower-case letter, then up to 39 lower-case letters, digits or '-'."));
        }

        if (current.Status == CaseStatus.Closed)
        {
            return (null, ApiProblems.Conflict("The case is closed: reopen it first."));
        }

        if (await uploads.LimitsAsync(current, key, cancellationToken) is not { } limits)
        {
            return (null, ApiProblems.NotFound("case"));
        }

        if (request.ContentLength > limits.MaxBytes + MultipartOverheadBytes)
        {
            return (null, ApiProblems.TooLarge(limits.MaxBytes));
        }

        var reader = new MultipartReader(boundary!, request.Body) { HeadersCountLimit = 16, HeadersLengthLimit = 16 * 1024 };
        try
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            var part = await NextFilePartAsync(reader, withFields is null ? null : fields, cancellationToken);
            if (part is null)
            {
                return (null, ApiProblems.Invalid("file", "Send one file part (Content-Disposition: form-data; name=\"file\"; filename=\"...\")."));
            }

            var (record, refused) = withFields?.Invoke(fields) ?? (null, null);
            if (refused is not null)
            {
                return (null, refused);
            }

            var (section, disposition) = part.Value;
            var contentType = DocumentContentTypes.Normalize(section.ContentType);
            if (contentType is null || !DocumentContentTypes.Allows(limits.ContentTypes, contentType))
            {
                return (null, UnsupportedFileType(limits.ContentTypes));
            }

            var fileName = FileNames.Sanitize(HeaderUtilities.RemoveQuotes(
                disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value);
            var file = new IncomingFile(section.Body, contentType, fileName, async ct => await NextFilePartAsync(reader, fields: null, ct) is null);
            var result = await uploads.UploadAsync(current, key, file, limits.MaxBytes, actor, engine, record, cancellationToken);
            return result.Status switch
            {
                FileUploadStatus.Recorded => (result.Case, null),
                FileUploadStatus.Raced => (null, ApiProblems.Conflict($"Another upload of document '{key}' happened at the same time: upload again.")),
                FileUploadStatus.Empty => (null, ApiProblems.Invalid("file", "The file is empty.")),
                FileUploadStatus.NotOnlyFile => (null, ApiProblems.Invalid("file", "Send one file per request.")),
                _ => (null, ApiProblems.NotFound("case")),
            };
        }
        catch (FileTooLargeException)
        {
            return (null, ApiProblems.TooLarge(limits.MaxBytes));
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            // A malformed multipart body, or a client that stopped sending: nothing was committed.
            return (null, ApiProblems.Invalid("file", "The body is not a complete multipart/form-data request."));
        }
        catch (Exception ex) when (ex is CaseRuleException or CaseItemMissingException)
        {
            // CaseItemMissingException: a message's portal link went away between the check and the record.
            return (null, ApiProblems.Conflict(ex is CaseRuleException ? ex.Message : "The portal link no longer exists."));
        }
    }

    /// <summary>
    /// The next part that carries a file; plain form fields before it are kept in <paramref name="fields"/> (the first of
    /// each name), or skipped when it is null. <see langword="null"/> at the end.
    /// </summary>
    private static async Task<(MultipartSection Section, ContentDispositionHeaderValue Disposition)?> NextFilePartAsync(
        MultipartReader reader, Dictionary<string, string>? fields, CancellationToken cancellationToken)
    {
        for (var parts = 0; parts < MaxParts; parts++)
        {
            var section = await reader.ReadNextSectionAsync(cancellationToken);
            if (section is null)
            {
                return null;
            }

            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFileDisposition())
            {
                return (section, disposition);
            }

            if (fields is not null && disposition?.IsFormDisposition() == true)
            {
                using var text = new StreamReader(new SizeLimitedStream(section.Body, MaxFieldBytes), Encoding.UTF8);
                fields.TryAdd(HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty, await text.ReadToEndAsync(cancellationToken));
            }
        }

        throw new InvalidDataException("Too many parts.");
    }

    private static bool TryReadBoundary(HttpRequest request, out string? boundary, out IResult? problem)
    {
        boundary = null;
        problem = null;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !string.Equals(mediaType.MediaType.Value, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            problem = TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type",
                detail: "Send the file as multipart/form-data with one file part.");
            return false;
        }

        boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > 70)
        {
            problem = ApiProblems.Invalid("Content-Type", "A multipart/form-data request names its boundary (at most 70 characters).");
            return false;
        }

        return true;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult UnsupportedFileType(IReadOnlyList<string>? allowed) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status415UnsupportedMediaType,
            title: "Unsupported file type",
            detail: allowed is null
                ? "The file part's Content-Type is not a valid media type."
                : $"This document takes files of type {string.Join(", ", allowed)}.");
}
