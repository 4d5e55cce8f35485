using System.Net;
using System.Text;
using System.Text.Json;
using CaseFy.Application.Access;
using CaseFy.Application.Apis;
using CaseFy.Model.Cases;
using CaseFy.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFy.FunctionsTests;

/// <summary>
/// Real requests through the Functions app's catch-all dispatch answer exactly as the local host does: routing,
/// sign-in, roles, unknown resources, body limits, security headers, CORS, the OpenAPI document, and the engine.
/// </summary>
public sealed class FunctionsDispatchTests(FunctionsAppFixture hosts) : IClassFixture<FunctionsAppFixture>
{
    private static readonly string[] ComparedHeaders =
    [
        "Content-Type", "Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options",
        "Cross-Origin-Opener-Policy", "Access-Control-Allow-Origin", "Access-Control-Allow-Methods", "Access-Control-Allow-Headers",
        "WWW-Authenticate",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Case_OpenedAndAdvancedThroughFunctions_TheEngineRunsIt()
    {
        var admin = new CaseFyClient(hosts.Client(hosts.FunctionsAddress, await hosts.Local.MintAsync("Functions Admin", CaseFyRoles.Admin)));
        var template = await admin.CreateTemplateAsync("intake", "review");

        var opened = await admin.OpenCaseAsync(template.Id, "Through the catch-all trigger");
        await admin.WaitForStageEnteredAsync(opened.Id, "intake");
        using var advanced = await admin.AdvanceAsync(opened.Id);
        await CaseFyClient.ExpectAsync(advanced, HttpStatusCode.Accepted);
        var moved = await admin.WaitForStageEnteredAsync(opened.Id, "review");

        Assert.Equal("review", (await hosts.Local.Api.GetCaseAsync(opened.Id)).CurrentStage.Key); // same storage, same case
        Assert.Equal(CaseStatus.Open, moved.Status);
    }

    [Fact]
    public async Task ListCases_WithoutToken_Is401LikeTheLocalHost()
    {
        var (local, functions) = await SendToBothAsync(HttpMethod.Get, "/api/cases", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, functions.Status);
        AssertSameAnswer(local, functions);
    }

    [Fact]
    public async Task CreateTemplate_AsViewer_Is403LikeTheLocalHost()
    {
        var viewer = await hosts.Local.MintAsync("Functions Viewer", CaseFyRoles.Viewer);

        var (local, functions) = await SendToBothAsync(HttpMethod.Post, "/api/templates", viewer, """{"name":"x","stages":[{"key":"a","name":"A"}]}""");

        Assert.Equal(HttpStatusCode.Forbidden, functions.Status);
        AssertSameAnswer(local, functions);
    }

    [Theory]
    [InlineData("/api/cases/00000000000000000000000000000000")]
    [InlineData("/api/cases/00000000000000000000000000000000/timeline")]
    [InlineData("/api/no-such-route")]
    public async Task Get_Unknown_Is404ProblemLikeTheLocalHost(string path)
    {
        var (local, functions) = await SendToBothAsync(HttpMethod.Get, path, await AdminAsync());

        Assert.Equal(HttpStatusCode.NotFound, functions.Status);
        Assert.Equal("application/problem+json", functions.Headers["Content-Type"]?.Split(';')[0]);
        AssertSameAnswer(local, functions);
    }

    [Fact]
    public async Task Post_BodyOverTheHostCap_Is413LikeTheLocalHost()
    {
        var huge = new string('x', (int)Application.Http.RequestSizeLimit.MaxBodyBytes + 1);

        var (local, functions) = await SendToBothAsync(HttpMethod.Post, "/api/templates", await AdminAsync(), huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, functions.Status);
        AssertSameAnswer(local, functions);
    }

    [Fact]
    public async Task Health_Answers_WithTheSecurityHeadersOfTheLocalHost()
    {
        var (local, functions) = await SendToBothAsync(HttpMethod.Get, "/api/health", token: null);

        Assert.Equal(HttpStatusCode.OK, functions.Status);
        Assert.Equal(Application.Http.SecurityHeaders.ApiPolicy, functions.Headers["Content-Security-Policy"]);
        Assert.Equal("nosniff", functions.Headers["X-Content-Type-Options"]);
        AssertSameAnswer(local, functions);
        Assert.Contains("\"engine\":\"ok\"", functions.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FunctionsAppFixture.PortalOrigin, true)]
    [InlineData("https://elsewhere.example", false)]
    public async Task Preflight_FromAnOrigin_AnsweredLikeTheLocalHost(string origin, bool allowed)
    {
        var headers = new Dictionary<string, string>
        {
            ["Origin"] = origin,
            ["Access-Control-Request-Method"] = "POST",
            ["Access-Control-Request-Headers"] = "authorization,content-type",
        };

        var (local, functions) = await SendToBothAsync(HttpMethod.Options, "/api/cases", token: null, headers: headers);

        Assert.Equal(allowed ? origin : null, functions.Headers["Access-Control-Allow-Origin"]);
        AssertSameAnswer(local, functions);
    }

    [Fact]
    public async Task OpenApiDocument_ServedThroughFunctions_IsTheLocalHostsDocument()
    {
        var (local, functions) = await SendToBothAsync(HttpMethod.Get, CaseFyOpenApi.Route, token: null);

        Assert.Equal(HttpStatusCode.OK, functions.Status);
        using var served = JsonDocument.Parse(local.Body);
        using var dispatched = JsonDocument.Parse(functions.Body);
        Assert.Equal(served.RootElement.GetProperty("paths").GetRawText(), dispatched.RootElement.GetProperty("paths").GetRawText());
        Assert.Equal(served.RootElement.GetProperty("components").GetRawText(), dispatched.RootElement.GetProperty("components").GetRawText());
    }

    [Fact]
    public void Endpoints_OfTheFunctionsApp_AreTheLocalHostsApiWithoutItsLocalOnlyRoutes()
    {
        var local = Routes(hosts.Local.Services);
        var functions = Routes(hosts.Functions.Services);

        Assert.Contains("POST api/cases/{id}/advance", functions);
        Assert.Empty(functions.Except(local));
        Assert.All(local.Except(functions), route => Assert.Matches(@"^\S+ (api/dev/|dev-issuer)", route)); // the offline issuer
        Assert.All(functions, route => Assert.StartsWith(ApiRoutes.Prefix + "/", route.Split(' ')[1], StringComparison.Ordinal));
    }

    private static HashSet<string> Routes(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => $"{method} {e.RoutePattern.RawText!.TrimStart('/')}"))
            .ToHashSet();

    private Task<string> AdminAsync() => hosts.Local.MintAsync("Functions Admin", CaseFyRoles.Admin);

    private static void AssertSameAnswer(Answer local, Answer functions)
    {
        Assert.Equal(local.Status, functions.Status);
        foreach (var header in ComparedHeaders)
        {
            Assert.True(local.Headers[header] == functions.Headers[header], $"{header}: local '{local.Headers[header]}', Functions '{functions.Headers[header]}'");
        }
    }

    private async Task<(Answer Local, Answer Functions)> SendToBothAsync(
        HttpMethod method, string path, string? token, string? json = null, Dictionary<string, string>? headers = null) =>
        (await SendAsync(hosts.Local.Address, method, path, token, json, headers),
            await SendAsync(hosts.FunctionsAddress, method, path, token, json, headers));

    private async Task<Answer> SendAsync(Uri address, HttpMethod method, string path, string? token, string? json, Dictionary<string, string>? headers)
    {
        var client = hosts.Client(address, token);
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.Add(name, value);
        }

        using var response = await client.SendAsync(request, Ct);
        var all = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        return new Answer(response.StatusCode, new Headers(all), await response.Content.ReadAsStringAsync(Ct));
    }

    private sealed record Answer(HttpStatusCode Status, Headers Headers, string Body);

    private sealed class Headers(Dictionary<string, string> values)
    {
        public string? this[string name] => values.GetValueOrDefault(name);
    }
}
