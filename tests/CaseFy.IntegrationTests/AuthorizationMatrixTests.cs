using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using CaseFy.Application.Access;
using CaseFy.Application.Apis;
using CaseFy.LocalHost.Identity;
using CaseFy.Model.Cases;
using CaseFy.Model.Json;
using CaseFy.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFy.IntegrationTests;

/// <summary>
/// Every route the local host maps (read from its endpoint data source, so a new route without a row here fails)
/// × every kind of caller → the exact status, over real HTTP. Callers: anonymous; a viewer (Viewer role, viewer on
/// the case); a member not on the case; a member on the case; the case owner (Member role); an admin who is not on
/// the case; and a portal link of the case and of another case, sent as a bearer token on internal routes (it must
/// never work there) and as the URL token on portal routes. Routes that change things run for each allowed caller
/// on a fresh case set up the same way, so every expected success is a real first success.
/// </summary>
public sealed class AuthorizationMatrixTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private const string Extra = "Mx Extra";

    /// <summary>The body marker for the upload routes: a multipart form with one small text file instead of JSON.</summary>
    private const string FileUpload = "<multipart file>";

    /// <summary>The body marker for the message-with-a-file routes: a multipart form with a text field and a small file.</summary>
    private const string MessageWithFile = "<multipart message>";

    /// <summary>The announced file of the direct-upload routes.</summary>
    private const string DirectUploadBody = """{"fileName":"m.txt","contentType":"text/plain","size":6}""";

    /// <summary>The ad-hoc document every matrix case has one version of.</summary>
    private const string DocumentKey = "evidence";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private enum Caller { Anonymous, Viewer, MemberNotParticipant, MemberParticipant, Owner, Admin, PortalLink, OtherCasePortalLink }

    private static readonly Caller[] Callers = Enum.GetValues<Caller>();

    // Status per caller, in the order of Caller.
    private static int[] Row(params int[] statuses) => statuses;

    private static readonly int[] Public = Row(200, 200, 200, 200, 200, 200, 200, 200);
    private static readonly int[] ReadCase = Row(401, 200, 404, 200, 200, 200, 401, 401);
    private static readonly int[] SignedInRead = Row(401, 200, 200, 200, 200, 200, 401, 401);
    private static readonly int[] AdminOnly = Row(401, 403, 403, 403, 403, 200, 401, 401);

    private static int[] ManageCase(int ok) => Row(401, 403, 404, 403, ok, ok, 401, 401);

    private static int[] WorkCase(int ok) => Row(401, 403, 404, ok, ok, ok, 401, 401);

    /// <summary>The expected statuses per route ("METHOD pattern"); <c>Mutates</c>: allowed callers get a fresh case each.</summary>
    private static readonly Dictionary<string, (int[] Expected, bool Mutates, string? Body)> Routes = new()
    {
        ["GET api/health"] = (Public, false, null),
        ["GET api/openapi.json"] = (Public, false, null),

        ["GET api/templates/{id}/metrics"] = (AdminOnly, false, null),
        ["POST api/templates/{id}/metrics/rebuild"] = (AdminOnly, false, null),
        ["GET api/config"] = (Public, false, null),
        ["POST api/dev/token"] = (Public, false, """{"name":"Someone","roles":["CaseFy.Viewer"]}"""),
        ["POST api/templates"] = (AdminOnly.Select(s => s == 200 ? 201 : s).ToArray(), true, """{"name":"M","stages":[{"key":"a","name":"A"}]}"""),
        ["GET api/templates"] = (SignedInRead, false, null),
        ["GET api/templates/{id}"] = (SignedInRead, false, null),
        ["GET api/templates/{id}/versions"] = (SignedInRead, false, null),

        // Access is checked first: the admin reaches the If-Match precondition, everyone else is refused before it.
        ["PUT api/templates/{id}"] = (AdminOnly.Select(s => s == 200 ? 428 : s).ToArray(), false, """{"name":"M","stages":[{"key":"a","name":"A"}]}"""),
        ["POST api/templates/{id}/archive"] = (AdminOnly, true, null),
        ["GET api/tasks"] = (SignedInRead, false, null),
        ["GET api/templates/{id}/board"] = (AdminOnly, false, null),
        ["POST api/cases"] = (Row(401, 403, 201, 201, 201, 201, 401, 401), true, "{\"templateId\":\"{templateId}\",\"title\":\"M\"}"),
        ["GET api/cases"] = (SignedInRead, false, null),
        ["GET api/events"] = (AdminOnly, false, null),

        // Event Grid authenticates with its shared secret, not a user token: without it every caller is refused alike.
        ["POST api/events/eventgrid"] = (Row(401, 401, 401, 401, 401, 401, 401, 401), false, "[]"),
        ["OPTIONS api/events/eventgrid"] = (Row(401, 401, 401, 401, 401, 401, 401, 401), false, null),
        ["GET api/cases/{id}"] = (ReadCase, false, null),
        ["POST api/cases/{id}/advance"] = (Row(401, 403, 404, 202, 202, 202, 401, 401), true, """{"reason":"matrix"}"""),
        ["GET api/cases/{id}/timeline"] = (ReadCase, false, null),
        ["GET api/cases/{id}/view"] = (ReadCase, false, null),
        ["GET api/cases/{id}/timeline/verify"] = (ReadCase, false, null),
        ["GET api/cases/{id}/timeline/export"] = (ReadCase, false, null),
        ["GET api/cases/{id}/participants"] = (ReadCase, false, null),
        ["POST api/cases/{id}/participants"] = (ManageCase(200), true, "{\"id\":\"" + DevIssuer.ObjectIdFor("Mx New") + "\",\"name\":\"Mx New\",\"role\":\"viewer\"}"),
        ["DELETE api/cases/{id}/participants/{participantId}"] = (ManageCase(204), true, null),
        ["PUT api/cases/{id}/owner"] = (ManageCase(200), true, "{\"id\":\"" + DevIssuer.ObjectIdFor(Extra) + "\",\"name\":\"" + Extra + "\"}"),
        ["POST api/cases/{id}/portal-links"] = (ManageCase(201), true, """{"name":"Mx Outsider","actions":["view"]}"""),
        ["GET api/cases/{id}/portal-links"] = (ManageCase(200), false, null),
        ["DELETE api/cases/{id}/portal-links/{linkId}"] = (ManageCase(204), true, null),

        ["POST api/cases/{id}/tasks"] = (WorkCase(200), true, """{"title":"Matrix task"}"""),
        ["POST api/cases/{id}/tasks/{taskId}/assign"] = (WorkCase(200), true, """{"role":"owner"}"""),
        ["POST api/cases/{id}/tasks/{taskId}/due"] = (WorkCase(200), true, """{"dueAt":"2099-01-01T00:00:00Z"}"""),
        ["POST api/cases/{id}/tasks/{taskId}/complete"] = (WorkCase(200), true, """{"note":"done"}"""),

        // The matrix's task is open: an allowed caller gets past access to the rule, which refuses to reopen it.
        ["POST api/cases/{id}/tasks/{taskId}/reopen"] = (WorkCase(409), false, null),
        ["POST api/cases/{id}/decision"] = (WorkCase(409), false, """{"option":"yes"}"""),
        ["POST api/cases/{id}/comments"] = (WorkCase(200), true, """{"text":"Matrix note"}"""),
        ["POST api/cases/{id}/messages"] = (WorkCase(200), true, """{"text":"Matrix message","linkId":"{linkId}"}"""),
        ["GET api/cases/{id}/messages"] = (ReadCase, false, null),
        ["POST api/cases/{id}/messages/{linkId}/file"] = (WorkCase(200), true, MessageWithFile),

        // The matrix's template has no fields: an empty merge patch passes access and changes nothing.
        ["PATCH api/cases/{id}/data"] = (WorkCase(200), false, "{}"),
        ["POST api/cases/{id}/hold"] = (WorkCase(200), true, """{"reason":"waiting"}"""),
        ["POST api/cases/{id}/resume"] = (WorkCase(409), false, null),
        ["POST api/cases/{id}/move"] = (ManageCase(200), true, """{"stage":"review","reason":"matrix"}"""),
        ["POST api/cases/{id}/close"] = (ManageCase(200), true, """{"reason":"matrix"}"""),
        ["POST api/cases/{id}/reopen"] = (ManageCase(409), false, null),

        ["POST api/cases/{id}/documents/{key}"] = (WorkCase(200), true, FileUpload),
        ["GET api/cases/{id}/documents"] = (ReadCase, false, null),

        // Handing out an upload URL writes nothing; the matrix's version 1 is recorded, so confirming it changes nothing.
        ["POST api/cases/{id}/documents/{key}/upload-url"] = (WorkCase(200), false, DirectUploadBody),
        ["POST api/cases/{id}/documents/{key}/versions/{version}/confirm"] = (WorkCase(200), false, null),

        // Allowed callers are redirected to a read-only link to the blob in Azurite, which the client follows.
        ["GET api/cases/{id}/documents/{key}/versions/{version}/content"] = (ReadCase, false, null),
        ["POST api/cases/{id}/documents/{key}/accept"] = (WorkCase(200), true, null),
        ["POST api/cases/{id}/documents/{key}/reject"] = (WorkCase(200), true, """{"reason":"matrix"}"""),

        // Each signed-in caller acts on their own inbox; the route's id is the case's, which names no notification.
        ["GET api/notifications"] = (SignedInRead, false, null),
        ["GET api/notifications/count"] = (SignedInRead, false, null),
        ["POST api/notifications/{id}/read"] = (Row(401, 404, 404, 404, 404, 404, 401, 401), false, null),
        ["POST api/notifications/read-all"] = (SignedInRead, false, null),

        // Each signed-in caller reads and sets their own mail setting (the matrix's tokens carry no address: only off).
        ["GET api/me/mail"] = (SignedInRead, false, null),
        ["PUT api/me/mail"] = (SignedInRead, false, """{"delivery":"off"}"""),

        // The token in the URL is the capability: internal callers send an unknown token (a bearer opens nothing here),
        // the other case's link opens its own case's view.
        ["GET api/portal/{token}"] = (Row(404, 404, 404, 404, 404, 404, 200, 200), false, null),
        ["GET api/portal/{token}/timeline"] = (Row(404, 404, 404, 404, 404, 404, 200, 200), false, null),

        // The matrix's links may view and message: each link writes to and reads its own case's conversation.
        ["POST api/portal/{token}/messages"] = (Row(404, 404, 404, 404, 404, 404, 200, 200), true, """{"text":"Matrix answer"}"""),
        ["GET api/portal/{token}/messages"] = (Row(404, 404, 404, 404, 404, 404, 200, 200), false, null),
        ["POST api/portal/{token}/messages/file"] = (Row(404, 404, 404, 404, 404, 404, 200, 200), true, MessageWithFile),

        // Seq 1 is the case's creation, no message with a file: the same 404 for everyone (MessageAttachmentsApiTests
        // downloads real attachments, and refuses another link's).
        ["GET api/portal/{token}/messages/{seq}/attachment"] = (Row(404, 404, 404, 404, 404, 404, 404, 404), false, null),

        // The matrix's document is the team's, never asked of an outsider: 404 for every token (PortalDocumentsTests
        // covers the links that may and may not upload a document that is).
        // The matrix's links may view and message, not answer: every link is refused the answer; internal callers' unknown token is a 404.
        ["PATCH api/portal/{token}/data"] = (Row(404, 404, 404, 404, 404, 404, 403, 403), false, "{}"),
        ["POST api/portal/{token}/documents/{key}"] = (Row(404, 404, 404, 404, 404, 404, 404, 404), false, FileUpload),
        ["POST api/portal/{token}/documents/{key}/upload-url"] = (Row(404, 404, 404, 404, 404, 404, 404, 404), false, DirectUploadBody),
        ["POST api/portal/{token}/documents/{key}/versions/{version}/confirm"] = (Row(404, 404, 404, 404, 404, 404, 404, 404), false, null),

        // The public intake form: anyone reads it and opens a case with it; a bearer token changes nothing.
        ["GET api/intake/{slug}"] = (Public, false, null),
        ["POST api/intake/{slug}"] = (Public.Select(_ => 201).ToArray(), false, """{"name":"Mx Applicant","email":"mx@example.com","data":{}}"""),
    };

    [Fact]
    public async Task EveryRoute_ForEveryCaller_AnswersTheExpectedStatus()
    {
        var mapped = host.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            // The API; the development issuer's OpenID endpoints (dev-issuer/…) speak OAuth and have DevOidcProviderTests.
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith(ApiRoutes.Prefix + "/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {e.RoutePattern.RawText!.Trim('/')}"))
            .ToHashSet();
        Assert.Empty(mapped.Except(Routes.Keys));   // a route nobody decided the access of
        Assert.Empty(Routes.Keys.Except(mapped));   // a row for a route that no longer exists

        var world = await World.CreateAsync(host.Host);
        var failures = new List<string>();
        using var gate = new SemaphoreSlim(8);
        var checks = new List<Task>();
        foreach (var (route, (expected, mutates, body)) in Routes)
        {
            foreach (var caller in Callers)
            {
                var status = expected[(int)caller];
                checks.Add(CheckAsync(route, caller, status, mutates && status is >= 200 and < 300, body));
            }
        }

        await Task.WhenAll(checks);
        Assert.True(failures.Count == 0, $"{failures.Count} of {checks.Count} answers differ:\n" + string.Join("\n", failures.Order()));

        async Task CheckAsync(string route, Caller caller, int expected, bool freshCase, string? body)
        {
            await gate.WaitAsync(Ct);
            try
            {
                var target = freshCase ? await world.NewCaseAsync() : world.Main;
                using var request = world.Request(route, caller, target, body);
                using var response = await world.ClientFor(caller).SendAsync(request, Ct);
                if ((int)response.StatusCode != expected)
                {
                    lock (failures)
                    {
                        failures.Add($"{route} as {caller}: {(int)response.StatusCode}, expected {expected}");
                    }
                }
                else if (expected >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    lock (failures)
                    {
                        failures.Add($"{route} as {caller}: {expected} without problem+json");
                    }
                }
            }
            finally
            {
                gate.Release();
            }
        }
    }

    /// <summary>A case set up for the matrix: owner, a member and a viewer on it, a removable participant, a portal link.</summary>
    private sealed record MatrixCase(CaseRecord Case, string LinkId, string Token, string TaskId);

    /// <summary>The people, the template and the cases the matrix runs against.</summary>
    private sealed class World
    {
        private static readonly string IntakeSlug = "matrix-" + Guid.NewGuid().ToString("N")[..12];

        private readonly Dictionary<Caller, HttpClient> _clients = [];
        private CaseFyClient _owner = null!;
        private string _templateId = string.Empty;
        private string _archivableTemplateId = string.Empty;

        public MatrixCase Main { get; private set; } = null!;

        public MatrixCase Other { get; private set; } = null!;

        public static async Task<World> CreateAsync(TestHost host)
        {
            var world = new World();
            world._owner = await host.SignInAsync("Mx Owner", CaseFyRoles.Member);
            world._clients[Caller.Anonymous] = host.Anonymous().Http;
            world._clients[Caller.Viewer] = (await host.SignInAsync("Mx Viewer", CaseFyRoles.Viewer)).Http;
            world._clients[Caller.MemberNotParticipant] = (await host.SignInAsync("Mx Stranger", CaseFyRoles.Member)).Http;
            world._clients[Caller.MemberParticipant] = (await host.SignInAsync("Mx Worker", CaseFyRoles.Member)).Http;
            world._clients[Caller.Owner] = world._owner.Http;
            world._clients[Caller.Admin] = host.Api.Http;
            world._templateId = (await host.Api.CreateTemplateAsync("intake", "review")).Id;
            world._archivableTemplateId = (await host.Api.CreateTemplateAsync("only")).Id;
            await host.Api.CreateTemplateFromJsonAsync(
                $$"""{"name":"Matrix intake","stages":[{"key":"a","name":"A"}],"intake":{"enabled":true,"slug":"{{IntakeSlug}}","fields":[]} }""");
            world.Main = await world.NewCaseAsync();
            world.Other = await world.NewCaseAsync();
            world._clients[Caller.PortalLink] = WithBearer(host.Anonymous().Http, world.Main.Token);
            world._clients[Caller.OtherCasePortalLink] = WithBearer(host.Anonymous().Http, world.Other.Token);
            return world;
        }

        public HttpClient ClientFor(Caller caller) => _clients[caller];

        public async Task<MatrixCase> NewCaseAsync()
        {
            var opened = await _owner.OpenCaseAsync(_templateId, "Matrix case");
            foreach (var (name, role) in new[] { ("Mx Worker", "member"), ("Mx Viewer", "viewer"), (Extra, "viewer") })
            {
                using var added = await _owner.PostJsonAsync(
                    $"/api/cases/{opened.Id}/participants", $$"""{"id":"{{DevIssuer.ObjectIdFor(name)}}","name":"{{name}}","role":"{{role}}"}""");
                await CaseFyClient.ExpectAsync(added, HttpStatusCode.OK);
            }

            using var link = await _owner.PostJsonAsync($"/api/cases/{opened.Id}/portal-links", """{"name":"Mx External","actions":["view","message"]}""");
            await CaseFyClient.ExpectAsync(link, HttpStatusCode.Created);
            var created = (await link.Content.ReadFromJsonAsync(ApiJsonContext.Default.CreatedPortalLink, Ct))!;
            using var task = await _owner.PostJsonAsync($"/api/cases/{opened.Id}/tasks", """{"title":"Matrix task"}""");
            await CaseFyClient.ExpectAsync(task, HttpStatusCode.OK);
            var withTask = (await task.Content.ReadFromJsonAsync(CaseFyJsonContext.Default.CaseRecord, Ct))!;
            using var document = await _owner.Http.PostAsync(
                new Uri($"/api/cases/{opened.Id}/documents/{DocumentKey}", UriKind.Relative), DocumentForms.File("matrix"u8.ToArray(), "text/plain", "m.txt"), Ct);
            await CaseFyClient.ExpectAsync(document, HttpStatusCode.OK);
            return new MatrixCase(opened, created.Link.Id, created.Token, withTask.Tasks[^1].Id);
        }

        public HttpRequestMessage Request(string route, Caller caller, MatrixCase target, string? body)
        {
            var space = route.IndexOf(' ', StringComparison.Ordinal);
            var token = caller switch
            {
                Caller.PortalLink => target.Token,
                Caller.OtherCasePortalLink => Other.Token,
                _ => new string('A', 64),
            };
            var templateId = route.EndsWith("/archive", StringComparison.Ordinal) ? _archivableTemplateId : _templateId;
            var query = route == "GET api/tasks" ? "?assignee=me&status=open" : string.Empty;
            var path = "/" + route[(space + 1)..]
                .Replace("{id}", route.Contains("templates/{id}", StringComparison.Ordinal) ? templateId : target.Case.Id, StringComparison.Ordinal)
                .Replace("{taskId}", target.TaskId, StringComparison.Ordinal)
                .Replace("{participantId}", DevIssuer.ObjectIdFor(Extra), StringComparison.Ordinal)
                .Replace("{linkId}", target.LinkId, StringComparison.Ordinal)
                .Replace("{key}", DocumentKey, StringComparison.Ordinal)
                .Replace("{version}", "1", StringComparison.Ordinal)
                .Replace("{seq}", "1", StringComparison.Ordinal)
                .Replace("{token}", token, StringComparison.Ordinal)
                .Replace("{slug}", IntakeSlug, StringComparison.Ordinal) + query;
            var request = new HttpRequestMessage(new HttpMethod(route[..space]), new Uri(path, UriKind.Relative));
            if (body == FileUpload)
            {
                request.Content = DocumentForms.File("matrix upload"u8.ToArray(), "text/plain", "matrix.txt");
            }
            else if (body == MessageWithFile)
            {
                request.Content = DocumentForms.Message("Matrix message with a file", "matrix file"u8.ToArray(), "text/plain", "matrix.txt");
            }
            else if (body is not null)
            {
                // The data route takes a JSON merge patch, every other route plain JSON.
                var mediaType = route.StartsWith("PATCH ", StringComparison.Ordinal) ? CaseDataApi.MergePatchJson : "application/json";
                request.Content = new StringContent(
                    body.Replace("{templateId}", _templateId, StringComparison.Ordinal).Replace("{linkId}", target.LinkId, StringComparison.Ordinal),
                    Encoding.UTF8,
                    mediaType);
            }

            return request;
        }

        private static HttpClient WithBearer(HttpClient client, string token)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        }
    }
}
