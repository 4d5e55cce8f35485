using CaseFy.Application.Portal;
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
        app.MapGroup(ApiRoutes.Prefix).WithTags("Portal")
            .MapGet(ApiRoutes.Portal, GetViewAsync)
            .Produces<PortalView>().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
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
}
