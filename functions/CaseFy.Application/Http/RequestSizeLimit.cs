using CaseFy.Application.Apis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CaseFy.Application.Http;

/// <summary>
/// The largest request body either host takes at all: the Event Grid webhook's 1 MB batches. JSON routes stop
/// reading well before (<see cref="RequestBody.MaxBytes"/>); this cap is for every other request, including routes
/// that read no body, so nobody can make a host swallow megabytes (the server default is 30 MB). The one exception:
/// multipart/form-data posts to the document upload routes get <see cref="DocumentUpload.MaxRequestBytes"/>, and the
/// upload itself holds each file to its document's own limit.
/// </summary>
public static class RequestSizeLimit
{
    public const long MaxBodyBytes = EventGridWebhookApi.MaxBytes;

    /// <summary>
    /// A declared length over the cap is refused at once; a body of unknown length (chunked) gets the cap as the
    /// server's limit, where the server lets it be set.
    /// </summary>
    /// <returns>The 413 to answer with, or <see langword="null"/> when the request may go on.</returns>
    public static IResult? Check(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cap = IsDocumentUpload(context.Request) ? DocumentUpload.MaxRequestBytes : MaxBodyBytes;
        if (context.Request.ContentLength > cap)
        {
            return ApiProblems.TooLarge(cap);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = cap;
        }

        return null;
    }

    /// <summary>A multipart post to <c>/api/cases/{id}/documents/{key}</c> or <c>/api/portal/{token}/documents/{key}</c>, or of a message with a file.</summary>
    private static bool IsDocumentUpload(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method) || request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) != true)
        {
            return false;
        }

        // Routing ignores case: so does this.
        var s = (request.Path.Value ?? string.Empty).Trim('/').Split('/');
        // …/documents/{key}, and a message with a file: /api/cases/{id}/messages/{linkId}/file, /api/portal/{token}/messages/file.
        return s.Length >= 5 && Is(s[0], ApiRoutes.Prefix) && (Is(s[1], "cases") || Is(s[1], "portal")) && s[2].Length > 0
            && ((s.Length == 5 && Is(s[3], "documents") && s[4].Length > 0)
                || (s.Length == 5 && Is(s[1], "portal") && Is(s[3], "messages") && Is(s[4], "file"))
                || (s.Length == 6 && Is(s[1], "cases") && Is(s[3], "messages") && s[4].Length > 0 && Is(s[5], "file")));

        static bool Is(string segment, string expected) => string.Equals(segment, expected, StringComparison.OrdinalIgnoreCase);
    }
}
