using CaseFy.Application.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace CaseFy.Application.Apis;

/// <summary>
/// The OpenAPI document, generated from the mapped endpoints (routes, <c>Accepts</c>/<c>Produces</c> metadata,
/// summaries) and the JSON contract (the source-generated contexts are first in the resolver chain), never written by hand.
/// </summary>
public static class CaseFyOpenApi
{
    public const string DocumentName = "v1";

    /// <summary>Where both hosts serve it: <c>/api/openapi.json</c>.</summary>
    public const string Route = "/" + ApiRoutes.Prefix + "/" + ApiRoutes.OpenApiDocument;

    public static IServiceCollection AddCaseFyOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "CaseFy API",
                Version = DocumentName,
                Description = "Cases, templates and hash-chained timelines. JSON in camelCase; errors are RFC 9457 "
                    + "problem details (validation errors keyed by JSON path or query parameter).",
            };
            return Task.CompletedTask;
        }));

    public static IEndpointRouteBuilder MapCaseFyOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(Route);
        return app;
    }
}
