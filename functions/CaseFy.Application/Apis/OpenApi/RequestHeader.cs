namespace CaseFy.Application.Apis.OpenApi;

/// <summary>A request header a handler reads itself (<c>If-Match</c>), declared on its route for the OpenAPI document.</summary>
/// <param name="Name">The header's name.</param>
/// <param name="Description">What it carries.</param>
/// <param name="Required">Whether the route refuses a request without it.</param>
public sealed record RequestHeader(string Name, string Description, bool Required = true);
