namespace CaseFy.Application.Apis.OpenApi;

/// <summary>A header a route sets on one of its answers (<c>ETag</c>), declared on the route for the OpenAPI document.</summary>
/// <param name="StatusCode">The answer that carries it.</param>
/// <param name="Name">The header's name.</param>
/// <param name="Description">What it carries.</param>
public sealed record ResponseHeader(int StatusCode, string Name, string Description);
