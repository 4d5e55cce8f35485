using System.Reflection;
using System.Text.RegularExpressions;
using CaseFy.Application.Apis;
using CaseFy.LocalHost.Storage;
using CaseFy.Model.Timeline;
using CaseFy.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFy.IntegrationTests;

/// <summary>docs/API.md is what a newcomer reads: every route the host maps and every timeline entry type must be in it.</summary>
public sealed partial class ApiDocTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    [Fact]
    public void ApiDoc_EveryMappedRoute_HasARowWithItsMethod()
    {
        var documented = ApiDocRows().ToHashSet();
        var mapped = host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith(ApiRoutes.Prefix + "/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}"))
            .ToHashSet();

        Assert.Contains("POST /api/cases/{id}/advance", mapped);
        Assert.Empty(mapped.Except(documented));
    }

    [Fact]
    public void ApiDoc_EveryTimelineEntryType_IsListed()
    {
        var text = File.ReadAllText(ApiDocPath());
        var types = typeof(TimelineEntryTypes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.Contains(TimelineEntryTypes.PortalLinkUsed, types);
        var missing = types.Where(t => !text.Contains($"`{t}`", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "Not in docs/API.md: " + string.Join(", ", missing));
    }

    // "| GET/POST | `/api/route?query` | …" → "GET /api/route", "POST /api/route".
    private static IEnumerable<string> ApiDocRows() =>
        File.ReadLines(ApiDocPath())
            .Select(line => TableRow().Match(line))
            .Where(m => m.Success)
            .SelectMany(m => m.Groups["methods"].Value.Split('/').Select(method => $"{method.Trim()} {m.Groups["route"].Value}"));

    private static string ApiDocPath() => Path.Combine(RepoPaths.FindRoot(), "docs", "API.md");

    [GeneratedRegex(@"^\|\s*(?<methods>[A-Z]+(?:/[A-Z]+)*)\s*\|\s*`(?<route>/[^`?]+)[^`]*`")]
    private static partial Regex TableRow();
}
