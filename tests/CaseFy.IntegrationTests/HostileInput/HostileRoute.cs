using CaseFy.Application.Apis;
using CaseFy.Application.Apis.OpenApi;
using CaseFy.Model;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace CaseFy.IntegrationTests.HostileInput;

/// <summary>
/// A route as the local host maps it, read from its endpoint data source so routes added later are attacked too.
/// </summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Pattern">The route pattern without leading slash, e.g. <c>api/cases/{id}</c>.</param>
/// <param name="Parameters">The names of the pattern's parameters, in order.</param>
/// <param name="BodyType">The body type the endpoint declares (<c>Accepts&lt;T&gt;</c>), if any.</param>
/// <param name="ReadsBody">Whether the handler reads a JSON body (declared, or found by probing).</param>
/// <param name="Pages">Whether it answers a <see cref="Page{T}"/> (so it takes <c>pageSize</c> and <c>continuationToken</c>).</param>
public sealed record HostileRoute(string Method, string Pattern, IReadOnlyList<string> Parameters, Type? BodyType, bool ReadsBody, bool Pages)
{
    /// <summary>The query parameters the route declares its handler reads (what the OpenAPI document lists).</summary>
    public IReadOnlyList<QueryParameter> Queries { get; init; } = [];

    public string Key => $"{Method} {Pattern}";

    /// <summary>The JSON media type the route declares for its body: <c>application/json</c> when it is one, else its own (<c>application/merge-patch+json</c>…).</summary>
    public string BodyContentType { get; init; } = "application/json";

    public override string ToString() => Key;

    /// <summary>Every method × pattern the host maps.</summary>
    public static List<HostileRoute> From(EndpointDataSource endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var routes = new List<HostileRoute>();
        // The API's routes; the development issuer's OpenID endpoints (dev-issuer/…) answer in OAuth's error format,
        // not problem+json, and are attacked by DevOidcProviderTests.
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith(ApiRoutes.Prefix + "/", StringComparison.Ordinal)))
        {
            var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>();
            var pages = endpoint.Metadata.OfType<IProducesResponseTypeMetadata>()
                .Any(m => m.Type is { IsGenericType: true } t && t.GetGenericTypeDefinition() == typeof(Page<>));
            var parameters = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToList();
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
            {
                routes.Add(new HostileRoute(
                    method, endpoint.RoutePattern.RawText!.Trim('/'), parameters, accepts?.RequestType, accepts is not null, pages)
                {
                    Queries = [.. endpoint.Metadata.OfType<QueryParameter>()],
                    // Plain JSON when the route takes it (the Event Grid webhook also takes CloudEvents' own types).
                    BodyContentType = accepts is null || accepts.ContentTypes.Contains("application/json")
                        ? "application/json"
                        : accepts.ContentTypes.FirstOrDefault(t => t.EndsWith("+json", StringComparison.Ordinal)) ?? "application/json",
                });
            }
        }

        return [.. routes.OrderBy(r => r.Key, StringComparer.Ordinal)];
    }

    /// <summary>Whether the method may carry a body worth attacking.</summary>
    public bool TakesBody => Method is "POST" or "PUT" or "PATCH";

    /// <summary>The path with each parameter replaced by <paramref name="valueOf"/> (raw, already encoded).</summary>
    public string PathWith(Func<string, string> valueOf)
    {
        ArgumentNullException.ThrowIfNull(valueOf);
        var path = "/" + Pattern;
        foreach (var parameter in Parameters)
        {
            path = path.Replace("{" + parameter + "}", valueOf(parameter), StringComparison.Ordinal);
        }

        return path;
    }
}
