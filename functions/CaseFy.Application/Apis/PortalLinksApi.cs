using CaseFy.Application.Access;
using CaseFy.Application.Apis.OpenApi;
using CaseFy.Application.Cases;
using CaseFy.Application.Portal;
using CaseFy.Model.Access;
using CaseFy.Model.Cases;
using CaseFy.Model.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CaseFy.Application.Apis;

/// <summary>The <c>/api/cases/{id}/portal-links</c> routes: the case owner (or an admin) creates, lists and revokes links.</summary>
public static class PortalLinksApi
{
    public static IEndpointRouteBuilder MapPortalLinksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiRoutes.Prefix).WithTags("Portal links");
        api.MapPost(ApiRoutes.CasePortalLinks, CreateLinkAsync).WithSummary("Create a portal link for an external party (its URL is shown once)")
            .AcceptsJson<Model.Portal.NewPortalLink>()
            .Produces<CreatedPortalLink>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapGet(ApiRoutes.CasePortalLinks, ListLinksAsync).WithSummary("The case's portal links (owner or admin)")
            .Produces<List<PortalLinkSummary>>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete(ApiRoutes.CasePortalLink, RevokeLinkAsync).WithSummary("Revoke a portal link")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<IResult> CreateLinkAsync(
        string id, HttpRequest request, PortalLinkService links, IOptions<PortalOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(options);
        var access = await RequestAccess.ToCaseAsync(request.HttpContext, id, links.Store, CaseAccessLevel.Manage, cancellationToken);
        if (access.Problem is not null)
        {
            return access.Problem;
        }

        var body = await RequestBody.ReadValidAsync(request, CaseFyJsonContext.Default.NewPortalLink, PortalLinkRequestRules.Validate, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        // Links point at the configured portal, never at whatever Host header the request came with.
        if (options.Value.Origin is not { Length: > 0 } origin)
        {
            return ApiProblems.NotConfigured("Portal:Origin is not configured, so a portal link would have no address.");
        }

        try
        {
            var created = await links.CreateAsync(id, body.Value!, RequestActor.Of(request.HttpContext), cancellationToken);
            if (created is not { } made)
            {
                return ApiProblems.NotFound("case");
            }

            var url = options.Value.LinkUrl(origin, made.Token);
            request.HttpContext.Response.Headers.CacheControl = "no-store";
            return TypedResults.Created(
                $"/{ApiRoutes.Prefix}/{ApiRoutes.Cases}/{id}/portal-links",
                new CreatedPortalLink(PortalLinkSummary.Of(made.Link, made.Link.CreatedAt), url, made.Token));
        }
        catch (CaseRuleException ex)
        {
            return ApiProblems.Conflict(ex.Message);
        }
    }

    public static async Task<IResult> ListLinksAsync(
        string id, HttpRequest request, PortalLinkService links, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(time);
        var access = await RequestAccess.ToCaseAsync(request.HttpContext, id, links.Store, CaseAccessLevel.Manage, cancellationToken);
        var now = time.GetUtcNow();
        return access.Problem ?? TypedResults.Ok(access.Case!.PortalLinks.Select(l => PortalLinkSummary.Of(l, now)).ToList());
    }

    public static async Task<IResult> RevokeLinkAsync(
        string id, string linkId, HttpRequest request, PortalLinkService links, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(links);
        var access = await RequestAccess.ToCaseAsync(request.HttpContext, id, links.Store, CaseAccessLevel.Manage, cancellationToken);
        if (access.Problem is not null)
        {
            return access.Problem;
        }

        if (!CaseIds.IsWellFormed(linkId) || access.Case!.PortalLinks.All(l => l.Id != linkId))
        {
            return ApiProblems.NotFound("portal link");
        }

        await links.RevokeAsync(id, linkId, RequestActor.Of(request.HttpContext), cancellationToken);
        return TypedResults.NoContent();
    }
}
