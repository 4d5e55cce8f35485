using CaseFy.Application.Apis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CaseFy.Functions.Http;

/// <summary>
/// Serves the same OpenAPI document as the local host. Triggers are not minimal-API endpoints, so the document is
/// generated once per instance from the API's own mapping (<see cref="CaseFyOpenApi.RenderAsync"/>) and kept.
/// </summary>
public sealed class OpenApiFunctions
{
    private static readonly Lazy<Task<string>> Document = new(() => CaseFyOpenApi.RenderAsync(CancellationToken.None));

    [Function("GetOpenApiDocument")]
    public static async Task<IActionResult> GetDocumentAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.OpenApiDocument)] HttpRequest req) =>
        new ContentResult { Content = await Document.Value.WaitAsync(req.HttpContext.RequestAborted), ContentType = "application/json; charset=utf-8", StatusCode = StatusCodes.Status200OK };
}
