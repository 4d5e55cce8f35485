using CaseFy.Application.Apis.OpenApi;
using CaseFy.Application.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFy.Application.Apis;

/// <summary>
/// The OpenAPI document, generated from the mapped endpoints (routes, <c>Accepts</c>/<c>Produces</c> metadata,
/// summaries, and what each route declares its handler reads by hand: <see cref="OpenApiRouteExtensions"/>) and the JSON
/// contract (the source-generated contexts are first in the resolver chain), never written by hand.
/// </summary>
public static class CaseFyOpenApi
{
    public const string DocumentName = "v1";

    /// <summary>Where both hosts serve it: <c>/api/openapi.json</c>.</summary>
    public const string Route = "/" + ApiRoutes.Prefix + "/" + ApiRoutes.OpenApiDocument;

    public static IServiceCollection AddCaseFyOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options => options
            .AddDocumentTransformer<CaseFyDocumentTransformer>()
            .AddOperationTransformer<CaseFyOperationTransformer>());

    public static IEndpointRouteBuilder MapCaseFyOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(Route);
        return app;
    }
}
