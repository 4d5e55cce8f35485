using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CaseFy.Application.Apis;
using CaseFy.LocalHost.Storage;
using CaseFy.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFy.IntegrationTests;

/// <summary>The OpenAPI document: served by the local host, generated from the code, covering every route.</summary>
public sealed class OpenApiTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

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

    /// <summary>
    /// Redocly CLI (from the npm lock) lints the served document with its recommended rules: no error may remain
    /// (warnings left: the anonymous health and config routes have no 4xx, and the document names no license).
    /// </summary>
    [Fact]
    public async Task OpenApiDocument_RedoclyRecommendedRules_FindNoErrors()
    {
        var cli = Path.Combine(RepoPaths.FindRoot(), "node_modules", "@redocly", "cli", "bin", "cli.js");
        Assert.True(File.Exists(cli), $"Redocly CLI is not installed at {cli}: run npm ci (eng/test.sh does).");
        var file = Path.Combine(Path.GetTempPath(), $"casefy-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await GetDocumentTextAsync(), TestContext.Current.CancellationToken);
        try
        {
            var (exitCode, output) = await RunNodeAsync(cli, "lint", file, "--extends", "recommended", "--format", "json", "--max-problems", "1000");
            using var report = JsonDocument.Parse(output);
            var errors = report.RootElement.GetProperty("problems").EnumerateArray()
                .Where(p => p.GetProperty("severity").GetString() == "error")
                .Select(p => $"{p.GetProperty("ruleId").GetString()} at {p.GetProperty("location")[0].GetProperty("pointer").GetString()}: "
                    + p.GetProperty("message").GetString())
                .ToList();
            Assert.Empty(errors);
            Assert.Equal(0, report.RootElement.GetProperty("totals").GetProperty("errors").GetInt32());
            Assert.Equal(0, exitCode);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// docs/openapi.json is the document integrators generate clients from (and tests/CaseFy.ApiClient generates the
    /// client the journey test drives from): it must be what the host serves. After a route, body or query change,
    /// refresh it with <c>CASEFY_UPDATE_GOLDEN=1 dotnet test tests/CaseFy.IntegrationTests --filter OpenApiTests</c>.
    /// </summary>
    [Fact]
    public async Task OpenApiDocument_Served_IsTheCheckedInDocument()
    {
        using var served = await GetDocumentAsync();
        var text = JsonSerializer.Serialize(served.RootElement, Indented) + "\n";
        var path = Path.Combine(RepoPaths.FindRoot(), "docs", "openapi.json");
        if (Environment.GetEnvironmentVariable("CASEFY_UPDATE_GOLDEN") == "1")
        {
            await File.WriteAllTextAsync(path, text, TestContext.Current.CancellationToken);
        }

        Assert.True(File.Exists(path), $"No {path}: write it with CASEFY_UPDATE_GOLDEN=1.");
        var checkedIn = (await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)).ReplaceLineEndings("\n");
        Assert.True(
            checkedIn == text,
            "docs/openapi.json is not the served document: refresh it with "
            + "CASEFY_UPDATE_GOLDEN=1 dotnet test tests/CaseFy.IntegrationTests --filter OpenApiTests, and commit it.");
    }

    [Fact]
    public async Task OpenApiDocument_Operations_DeclareIdsSummariesAndSignIn()
    {
        using var document = await GetDocumentAsync();
        var root = document.RootElement;
        var operations = Operations(root).ToList();

        Assert.Equal("/", root.GetProperty("servers")[0].GetProperty("url").GetString());
        Assert.Equal("bearer", root.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.All(operations, o => Assert.False(string.IsNullOrEmpty(o.Operation.GetProperty("summary").GetString()), o.Name));
        var ids = operations.Select(o => o.Operation.GetProperty("operationId").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());

        var anonymous = operations.Where(o => o.Operation.GetProperty("security").GetArrayLength() == 0).Select(o => o.Name).ToHashSet();
        Assert.Equal(
            [
                "GET /api/config", "GET /api/health", "GET /api/intake/{slug}", "GET /api/portal/{token}", "GET /api/portal/{token}/messages",
                "GET /api/portal/{token}/messages/{seq}/attachment", "GET /api/portal/{token}/timeline",
                "OPTIONS /api/events/eventgrid", "PATCH /api/portal/{token}/data", "POST /api/events/eventgrid", "POST /api/intake/{slug}",
                "POST /api/portal/{token}/documents/{key}",
                "POST /api/portal/{token}/documents/{key}/upload-url",
                "POST /api/portal/{token}/documents/{key}/versions/{version}/confirm", "POST /api/portal/{token}/messages",
                "POST /api/portal/{token}/messages/file",
            ],
            anonymous.Order(StringComparer.Ordinal));
        foreach (var (name, operation) in operations.Where(o => !anonymous.Contains(o.Name)))
        {
            Assert.Equal("bearer", operation.GetProperty("security")[0].EnumerateObject().Single().Name);
            Assert.True(operation.GetProperty("responses").TryGetProperty("401", out _), $"{name} declares no 401");
            Assert.True(name.StartsWith("GET ", StringComparison.Ordinal) || operation.GetProperty("responses").TryGetProperty("403", out _), $"{name} declares no 403");
        }
    }

    [Fact]
    public async Task OpenApiDocument_Operations_DeclareTheQueryParametersTheirHandlersRead()
    {
        using var document = await GetDocumentAsync();
        var operations = Operations(document.RootElement).ToDictionary(o => o.Name, o => o.Operation);

        Assert.Equal(
            ["templateId", "status", "stage", "owner", "overdue", "number", "q", "fieldFilters", "pageSize", "continuationToken"],
            QueryNames(operations["GET /api/cases"]));
        Assert.Equal(["direction", "pageSize", "continuationToken"], QueryNames(operations["GET /api/cases/{id}/timeline"]));
        Assert.Equal(["format"], QueryNames(operations["GET /api/cases/{id}/timeline/export"]));
        Assert.Equal(["stream"], QueryNames(operations["GET /api/cases/{id}/documents/{key}/versions/{version}/content"]));
        Assert.Equal(["after", "pageSize"], QueryNames(operations["GET /api/events"]));
        Assert.Equal(["assignee", "status", "pageSize", "continuationToken"], QueryNames(operations["GET /api/tasks"]));
        Assert.Equal(["casesPerStage"], QueryNames(operations["GET /api/templates/{id}/board"]));
        Assert.Equal(["unread", "pageSize", "continuationToken"], QueryNames(operations["GET /api/notifications"]));
        Assert.Equal(["linkId", "pageSize", "continuationToken"], QueryNames(operations["GET /api/cases/{id}/messages"]));
        Assert.Equal(["pageSize", "continuationToken"], QueryNames(operations["GET /api/portal/{token}/messages"]));

        var pageSize = operations["GET /api/cases"].GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "pageSize");
        Assert.Equal("integer", pageSize.GetProperty("schema").GetProperty("type").GetString());
        Assert.Equal(Paging.MaxPageSize, pageSize.GetProperty("schema").GetProperty("maximum").GetInt32());
        var fieldFilters = operations["GET /api/cases"].GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "fieldFilters");
        // form and explode are a query parameter's defaults (so the writer may leave them out): each member its own parameter.
        Assert.Equal("form", fieldFilters.TryGetProperty("style", out var style) ? style.GetString() : "form");
        Assert.True(!fieldFilters.TryGetProperty("explode", out var explode) || explode.GetBoolean());
        var filterName = fieldFilters.GetProperty("schema").GetProperty("propertyNames").GetProperty("pattern").GetString()!;
        Assert.Matches(filterName, "field.department");
        Assert.Matches(filterName, "field.amount.gt");
        Assert.DoesNotMatch(filterName, "field.amount.like");
        Assert.Equal(["asOf"], QueryNames(operations["GET /api/cases/{id}"]));
        var direction = operations["GET /api/cases/{id}/timeline"].GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "direction");
        Assert.Equal(["forward", "backward"], direction.GetProperty("schema").GetProperty("enum").EnumerateArray().Select(v => v.GetString()!));
    }

    [Fact]
    public async Task OpenApiDocument_Operations_DeclareBodiesHeadersAndNonJsonAnswers()
    {
        using var document = await GetDocumentAsync();
        var operations = Operations(document.RootElement).ToDictionary(o => o.Name, o => o.Operation);

        // Every write takes a body except these, which take none (or an empty object).
        string[] bodiless =
        [
            "POST /api/templates/{id}/archive", "POST /api/cases/{id}/documents/{key}/versions/{version}/confirm",
            "POST /api/portal/{token}/documents/{key}/versions/{version}/confirm", "POST /api/cases/{id}/documents/{key}/accept",
            "POST /api/templates/{id}/metrics/rebuild",
            "POST /api/notifications/{id}/read", "POST /api/notifications/read-all",
        ];
        var writes = operations.Where(o => o.Key.Split(' ')[0] is "POST" or "PUT" or "PATCH");
        Assert.All(writes, o => Assert.Equal(!bodiless.Contains(o.Key), o.Value.TryGetProperty("requestBody", out _)));

        Assert.Equal("#/components/schemas/TemplateDraft", BodySchemaRef(operations["PUT /api/templates/{id}"]));
        Assert.Equal("#/components/schemas/RecordDecision", BodySchemaRef(operations["POST /api/cases/{id}/decision"]));
        Assert.Equal("#/components/schemas/MoveCase", BodySchemaRef(operations["POST /api/cases/{id}/move"]));
        Assert.Equal("#/components/schemas/NewComment", BodySchemaRef(operations["POST /api/cases/{id}/comments"]));
        Assert.Equal("#/components/schemas/IntakeSubmission", BodySchemaRef(operations["POST /api/intake/{slug}"]));
        Assert.Equal("#/components/schemas/NewMessage", BodySchemaRef(operations["POST /api/cases/{id}/messages"]));
        Assert.Equal("#/components/schemas/NewPortalMessage", BodySchemaRef(operations["POST /api/portal/{token}/messages"]));
        Assert.False(operations["POST /api/cases/{id}/hold"].GetProperty("requestBody").TryGetProperty("required", out var holdRequired) && holdRequired.GetBoolean());
        foreach (var upload in new[] { "POST /api/cases/{id}/documents/{key}", "POST /api/portal/{token}/documents/{key}" })
        {
            var file = operations[upload].GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema");
            Assert.Equal("binary", file.GetProperty("properties").GetProperty("file").GetProperty("format").GetString());
            Assert.Equal("file", file.GetProperty("required")[0].GetString());
        }

        var update = operations["PUT /api/templates/{id}"];
        Assert.Contains(update.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "If-Match" && p.GetProperty("in").GetString() == "header");
        Assert.True(update.GetProperty("responses").GetProperty("200").GetProperty("headers").TryGetProperty("ETag", out _));
        Assert.True(operations["POST /api/cases"].GetProperty("responses").GetProperty("201").GetProperty("headers").TryGetProperty("Location", out _));
        Assert.True(operations["GET /api/portal/{token}"].GetProperty("responses").GetProperty("429").GetProperty("headers").TryGetProperty("Retry-After", out _));

        var export = operations["GET /api/cases/{id}/timeline/export"].GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.True(export.TryGetProperty("text/csv", out _));
        var content = operations["GET /api/cases/{id}/documents/{key}/versions/{version}/content"].GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.True(content.GetProperty("application/octet-stream").TryGetProperty("schema", out _));
    }

    private static IEnumerable<(string Name, JsonElement Operation)> Operations(JsonElement root) =>
        root.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => ($"{o.Name.ToUpperInvariant()} {p.Name}", o.Value)));

    private static List<string> QueryNames(JsonElement operation) =>
        [.. operation.GetProperty("parameters").EnumerateArray()
            .Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!)];

    private static string? BodySchemaRef(JsonElement operation) =>
        operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString();

    private static async Task<(int ExitCode, string Output)> RunNodeAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No usage reports or update checks from a test run (the machine has no network beyond package registries).
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var stdout = await output;
        Assert.True(stdout.TrimStart().StartsWith('{'), $"Redocly printed no report (exit {process.ExitCode}): {await errors}");
        return (process.ExitCode, stdout);
    }

    private async Task<string> GetDocumentTextAsync()
    {
        using var response = await host.Api.Http.GetAsync(new Uri(CaseFyOpenApi.Route, UriKind.Relative), TestContext.Current.CancellationToken);
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.OK);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    private async Task<JsonDocument> GetDocumentAsync() => JsonDocument.Parse(await GetDocumentTextAsync());
}
