using System.Net;
using System.Text.Json;
using CaseFy.Application.Apis;
using CaseFy.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFy.IntegrationTests;

/// <summary>The OpenAPI document: served by the local host, generated from the code, covering every route.</summary>
public sealed class OpenApiTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    [Fact]
    public async Task OpenApiDocument_Served_ListsEveryMappedRouteWithItsMethods()
    {
        using var document = await GetDocumentAsync();
        var paths = document.RootElement.GetProperty("paths");
        var documented = paths.EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => $"{o.Name.ToUpperInvariant()} {p.Name}"))
            .ToHashSet();

        var mapped = host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith(ApiRoutes.Prefix + "/", StringComparison.Ordinal)
                && e.RoutePattern.RawText != CaseFyOpenApi.Route
                && e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>()?.ExcludeFromDescription != true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}"))
            .ToHashSet();

        Assert.Equal("3.1.1", document.RootElement.GetProperty("openapi").GetString());
        Assert.Contains("GET /api/cases/{id}/timeline/verify", mapped);
        Assert.Empty(mapped.Except(documented));
        Assert.Empty(documented.Except(mapped));
    }

    [Fact]
    public async Task OpenApiDocument_Schemas_DescribeTheModelAndRequestBodies()
    {
        using var document = await GetDocumentAsync();
        var root = document.RootElement;
        var schemas = root.GetProperty("components").GetProperty("schemas");

        Assert.True(schemas.TryGetProperty("CaseRecord", out var caseRecord));
        Assert.True(schemas.TryGetProperty("TimelineEntry", out var entry));
        Assert.True(caseRecord.GetProperty("properties").TryGetProperty("timelineHead", out _));
        Assert.True(entry.GetProperty("properties").TryGetProperty("previousHash", out _));
        var openCase = root.GetProperty("paths").GetProperty("/api/cases").GetProperty("post");
        Assert.Equal(
            "#/components/schemas/NewCase",
            openCase.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.False(string.IsNullOrEmpty(openCase.GetProperty("summary").GetString()));
    }

    private async Task<JsonDocument> GetDocumentAsync()
    {
        using var response = await host.Api.Http.GetAsync(new Uri(CaseFyOpenApi.Route, UriKind.Relative), TestContext.Current.CancellationToken);
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.OK);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
