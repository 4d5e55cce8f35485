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

    /// <summary>
    /// Generates the document outside an ASP.NET Core app that maps the API: for the Functions host, whose HTTP
    /// triggers are not minimal-API endpoints the generator could see. Maps the same API on an app that is never
    /// started (no server, no storage, no engine), so the document is the one the local host serves.
    /// </summary>
    public static async Task<string> RenderAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddCaseFyApplication();

        // Minimal APIs only ask whether a parameter type is a service; the engine is never resolved here.
        builder.Services.AddSingleton<ICaseEngine>(_ => throw new InvalidOperationException("Only described, never called."));
        await using var app = builder.Build();
        app.MapCaseFyApi();

        // A started app publishes its endpoints to the generator when it builds its pipeline; this one never starts,
        // and UseEndpoints publishes them now.
        app.UseRouting();
        app.UseEndpoints(_ => { });
        var document = await app.Services.GetRequiredKeyedService<IOpenApiDocumentProvider>(DocumentName)
            .GetOpenApiDocumentAsync(cancellationToken);
        return await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, cancellationToken);
    }
}
