using CaseFy.Application.Engine;
using CaseFy.Application.Portal;
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
        var api = app.MapGroup(ApiRoutes.Prefix).WithTags("Portal");
        api.MapGet(ApiRoutes.Portal, GetViewAsync)
            .Produces<PortalView>().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapPost(ApiRoutes.PortalDocument, UploadAsync)
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("The external party uploads a document asked of them (multipart/form-data, one file part)");
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
    /// Uploads a document asked of the link's party (see <see cref="PortalDocuments"/>), with the document's limits. A
    /// document not asked of an external party is 404 (as a bad token is); a link without the <c>upload</c> action gets
    /// 403 for one that is (its holder knows the link is real). The answer is 204: the party sees their upload in the
    /// view, never the internal case.
    /// </summary>
    public static async Task<IResult> UploadAsync(string token, string key, HttpRequest request, PortalLinkService links, ICaseEngine engine)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(links);
        var cancellationToken = request.HttpContext.RequestAborted;
        var match = await links.ResolveAsync(token, cancellationToken);
        if (match is null)
        {
            return ApiProblems.NotFound("portal link");
        }

        if (!PortalDocuments.IsRequested(match.Case, key))
        {
            return ApiProblems.NotFound("document asked of you");
        }

        if (!match.Link.Actions.Contains(PortalAction.Upload))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "This link does not allow uploads.");
        }

        var (_, problem) = await DocumentUpload.RunAsync(match.Case, key, request, match.Link.AsActor(), engine);
        if (problem is not null)
        {
            return problem;
        }

        await links.RecordUseAsync(match, "upload", cancellationToken);
        return TypedResults.NoContent();
    }
}
