using CaseFy.Application.Apis;
using CaseFy.Application.Apis.OpenApi;
using CaseFy.Model.Cases;
using CaseFy.Model.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CaseFy.Application.Documents;

/// <summary>
/// Answers a download of one stored document version, for the team's document route and the outside party's message
/// attachments alike: a 302 to a short-lived, read-only link for that one blob (served as an attachment with the
/// sanitised file name), or with <c>?stream=true</c> (or when no link can be signed) the bytes through the API.
/// </summary>
public sealed class DocumentDownload(ICaseStore cases, IDocumentStore documents, IOptions<DocumentOptions> options, TimeProvider time)
{
    /// <summary>The <c>stream</c> query parameter both routes read.</summary>
    public static readonly QueryParameter StreamParameter =
        QueryParameter.OfBoolean("stream", "true: the bytes through the API; false (default): a 302 to a read-only link.");

    public ICaseStore Cases => cases;

    /// <summary>The 400 for a <c>stream</c> that is not <c>true</c> or <c>false</c> (once); <see langword="null"/> when it is fine.</summary>
    public static IResult? InvalidStream(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stream = request.Query["stream"];
        return stream.Count > 1 || (stream.Count == 1 && stream[0] is not ("true" or "false"))
            ? ApiProblems.Invalid("stream", "stream=true streams the file through the API; stream=false (the default) redirects.")
            : null;
    }

    /// <summary>The answer for <paramref name="stored"/>: 302, 200 with the bytes, 400 for a bad <c>stream</c>, 404 when the blob is gone.</summary>
    public async Task<IResult> AnswerAsync(DocumentVersion stored, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(request);
        if (InvalidStream(request) is { } invalid)
        {
            return invalid;
        }

        var stream = request.Query["stream"];
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        if (stream != "true" && await documents.GetReadUrlAsync(
            stored.BlobName, stored.FileName, stored.ContentType, time.GetUtcNow() + options.Value.DownloadLinkLifetime, cancellationToken) is { } url)
        {
            return TypedResults.Redirect(url.AbsoluteUri);
        }

        var blob = await documents.OpenReadAsync(stored.BlobName, cancellationToken);
        return blob is null
            ? ApiProblems.NotFound("document version")
            : TypedResults.Stream(blob.Content, stored.ContentType, fileDownloadName: stored.FileName);
    }
}
