using CaseFy.Application.Apis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CaseFy.Application.Http;

/// <summary>
/// The largest request body either host takes at all: the Event Grid webhook's 1 MB batches. JSON routes stop
/// reading well before (<see cref="RequestBody.MaxBytes"/>); this cap is for every other request, including routes
/// that read no body, so nobody can make a host swallow megabytes (the server default is 30 MB).
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
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return ApiProblems.TooLarge(MaxBodyBytes);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        return null;
    }
}
