using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseFy.Application.Apis;
using CaseFy.Application.Portal;
using CaseFy.LocalHost.Identity;
using CaseFy.Model.Cases;
using CaseFy.Model.Ports;
using CaseFy.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFy.IntegrationTests.HostileInput;

/// <summary>
/// What the attacks aim at: a template, a case with a participant, a task (where tasks exist) and portal links (live,
/// revoked, expired), another case with its own link, and a separate "probe" template and case used only to find
/// out, before the storage is snapshotted, which routes read a body (a probe may change them). Route parameters get
/// these real values unless the attack is on that very parameter, so the attack is the only thing wrong with a request.
/// </summary>
public sealed class HostileWorld
{
    public const string UnknownId = "0123456789abcdef0123456789abcdef";
    public const string ParticipantName = "Hx Viewer";
    public const string InboundSecret = "hostile-input-secret-0123456789";

    private Targets _main = null!;
    private Targets _probe = null!;

    /// <summary>The Authorization header of the admin every non-auth attack is sent as.</summary>
    public string AdminAuthorization { get; private set; } = string.Empty;

    public string MainCaseId => _main.CaseId;

    public string MainToken => _main.Token;

    public string OtherCaseToken { get; private set; } = string.Empty;

    public string RevokedToken { get; private set; } = string.Empty;

    public string ExpiredToken { get; private set; } = string.Empty;

    /// <summary>The real values a route's parameters take.</summary>
    private sealed record Targets(string TemplateId, string CaseId, string LinkId, string Token, string TaskId, string IntakeSlug);

    /// <summary>Creates the targets; <paramref name="routes"/> (the mapped route keys) says which kinds of thing can exist.</summary>
    public static async Task<HostileWorld> CreateAsync(TestHost host, IReadOnlySet<string> routes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(routes);
        var tasks = routes.Contains(AddTaskRoute);
        var world = new HostileWorld { AdminAuthorization = host.Api.Http.DefaultRequestHeaders.Authorization!.ToString() };
        world._main = await CreateTargetsAsync(host.Api, "Hostile target", tasks, cancellationToken);
        world._probe = await CreateTargetsAsync(host.Api, "Probe target", tasks, cancellationToken);

        var other = await CreateTargetsAsync(host.Api, "Other case", tasks: false, cancellationToken);
        world.OtherCaseToken = other.Token;

        var revoked = await CreateLinkAsync(host.Api, world._main.CaseId, cancellationToken);
        using (var revoke = await host.Api.Http.DeleteAsync(
            new Uri($"/api/cases/{world._main.CaseId}/portal-links/{revoked.Link.Id}", UriKind.Relative), cancellationToken))
        {
            await CaseFyClient.ExpectAsync(revoke, HttpStatusCode.NoContent);
        }

        world.RevokedToken = revoked.Token;

        // No route makes an expired link (expiry is at least a day ahead): move one's expiry into the past in storage.
        var expired = await CreateLinkAsync(host.Api, world._main.CaseId, cancellationToken);
        var store = host.Services.GetRequiredService<ICaseStore>();
        var past = DateTimeOffset.UtcNow.AddDays(-1);
        await store.UpdateAsync(
            world._main.CaseId,
            c => new CaseChange(c with { PortalLinks = [.. c.PortalLinks.Select(l => l.Id == expired.Link.Id ? l with { ExpiresAt = past } : l)] }, []),
            cancellationToken);
        world.ExpiredToken = expired.Token;

        foreach (var caseId in new[] { world._main.CaseId, world._probe.CaseId, other.CaseId })
        {
            await host.Api.WaitForAsync(caseId, c => c.CurrentStage.EnteredAt is not null);
        }

        return world;
    }

    /// <summary>The value a route parameter takes: the real target's, or a well-formed unknown id for a parameter it has none for.</summary>
    public string ValueOf(string pattern, string parameter, bool probe = false)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var targets = probe ? _probe : _main;
        return parameter switch
        {
            "id" when pattern.StartsWith($"{ApiRoutes.Prefix}/{ApiRoutes.Templates}/", StringComparison.Ordinal) => targets.TemplateId,
            "id" => targets.CaseId,
            "templateId" => targets.TemplateId,
            "participantId" => DevIssuer.ObjectIdFor(ParticipantName),
            "linkId" => targets.LinkId,
            "taskId" => targets.TaskId,
            "token" => targets.Token,
            "slug" => targets.IntakeSlug,
            _ => UnknownId,
        };
    }

    /// <summary>
    /// A body the route would accept, so that an attack on something else (a parameter, the token) is the only fault;
    /// routes it does not know get <c>{}</c>.
    /// </summary>
    public string ValidBodyFor(HostileRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        var participant = DevIssuer.ObjectIdFor(ParticipantName);
        return route.Key switch
        {
            "POST api/templates" => """{"name":"Hostile","stages":[{"key":"a","name":"A"}]}""",
            "POST api/cases" => $$"""{"templateId":"{{_main.TemplateId}}","title":"Hostile"}""",
            "POST api/cases/{id}/advance" => """{"reason":"hostile"}""",
            "POST api/cases/{id}/participants" => $$"""{"id":"{{DevIssuer.ObjectIdFor("Hx Newcomer")}}","name":"Hx Newcomer","role":"member"}""",
            "PUT api/cases/{id}/owner" => $$"""{"id":"{{participant}}","name":"{{ParticipantName}}"}""",
            "POST api/cases/{id}/portal-links" => """{"name":"Hx Outsider","email":"outsider@example.com","actions":["view"],"expiresInDays":7}""",
            "POST api/dev/token" => """{"name":"Hx Someone","roles":["CaseFy.Viewer"]}""",
            "POST api/events/eventgrid" => "[]",
            "POST api/cases/{id}/documents/{key}/upload-url" or "POST api/portal/{token}/documents/{key}/upload-url" =>
                """{"fileName":"hostile.txt","contentType":"text/plain","size":7}""",
            "PUT api/templates/{id}" => """{"name":"Hostile","stages":[{"key":"a","name":"A"}]}""",
            AddTaskRoute => """{"title":"Hx task","dueAt":"2030-01-01T09:00:00Z","required":false}""",
            "POST api/cases/{id}/tasks/{taskId}/assign" => $$$"""{"assignee":{"id":"{{{participant}}}","name":"{{{ParticipantName}}}"}}""",
            "POST api/cases/{id}/tasks/{taskId}/due" => """{"dueAt":"2030-01-01T09:00:00Z"}""",
            "POST api/cases/{id}/tasks/{taskId}/complete" => """{"note":"hostile"}""",
            "POST api/cases/{id}/decision" => """{"option":"approve","rationale":"hostile"}""",
            "POST api/cases/{id}/move" => """{"stage":"review","reason":"hostile"}""",
            "POST api/cases/{id}/close" => """{"reason":"hostile","outcome":"withdrawn"}""",
            "POST api/cases/{id}/comments" or "POST api/portal/{token}/messages" => """{"text":"hostile"}""",
            "POST api/cases/{id}/messages" => $$"""{"text":"hostile","linkId":"{{_main.LinkId}}"}""",
            "PATCH api/portal/{token}/data" => """{"reference":"hostile"}""",
            "POST api/intake/{slug}" => """{"name":"Hx Applicant","email":"hx@example.com","data":{"reference":"hostile"}}""",
            "PATCH api/cases/{id}/data" => """{"note":"hostile","amount":250,"startDate":"2026-03-03","team":"red"}""",
            _ when route.Method == "POST" && route.Pattern.StartsWith("api/cases/{id}/", StringComparison.Ordinal) => """{"reason":"hostile"}""",
            _ => "{}",
        };
    }

    private const string AddTaskRoute = "POST api/cases/{id}/tasks";

    private static async Task<Targets> CreateTargetsAsync(CaseFyClient api, string title, bool tasks, CancellationToken cancellationToken)
    {
        var intakeSlug = "hostile-" + Guid.NewGuid().ToString("N")[..12];

        // Fields of several types, filterable ones, and patterns (one that backtracks catastrophically in a backtracking
        // engine), so the data route's and the list's field attacks reach their value rules.
        var template = await api.CreateTemplateFromJsonAsync($$"""
            {"name":"Hostile {{Guid.NewGuid():N}}","fields":[
               {"key":"note","label":"Note","type":"text","maxLength":100,"pattern":"[a-z ]+"},
               {"key":"amount","label":"Amount","type":"money","currency":"EUR","min":100,"max":1000,"filterable":true},
               {"key":"startDate","label":"Start date","type":"date","filterable":true},
               {"key":"team","label":"Team","type":"choice","options":["red","blue"],"filterable":true},
               {"key":"code","label":"Code","type":"text","pattern":"(a+)+$","filterable":true},
               {"key":"reference","label":"Your reference","type":"text","maxLength":40,"filledBy":"external"}],
             "stages":[{"key":"intake","name":"Stage intake","externalFields":["reference"]},{"key":"review","name":"Stage review"}],
             "intake":{"enabled":true,"slug":"{{intakeSlug}}","fields":["reference"]} }
            """);
        var opened = await api.OpenCaseAsync(template.Id, title);
        using (var added = await api.PostJsonAsync(
            $"/api/cases/{opened.Id}/participants", $$"""{"id":"{{DevIssuer.ObjectIdFor(ParticipantName)}}","name":"{{ParticipantName}}","role":"viewer"}"""))
        {
            await CaseFyClient.ExpectAsync(added, HttpStatusCode.OK);
        }

        var link = await CreateLinkAsync(api, opened.Id, cancellationToken);
        var taskId = UnknownId;
        if (tasks)
        {
            using var added = await api.PostJsonAsync($"/api/cases/{opened.Id}/tasks", """{"title":"Hx existing task"}""");
            await CaseFyClient.ExpectAsync(added, HttpStatusCode.OK);
            using var changed = JsonDocument.Parse(await added.Content.ReadAsStringAsync(cancellationToken));
            taskId = changed.RootElement.GetProperty("tasks").EnumerateArray().Last().GetProperty("id").GetString()!;
        }

        return new Targets(template.Id, opened.Id, link.Link.Id, link.Token, taskId, intakeSlug);
    }

    private static async Task<CreatedPortalLink> CreateLinkAsync(CaseFyClient api, string caseId, CancellationToken cancellationToken)
    {
        // "answer" and "message" too, so the portal data and message routes' attacks reach their value rules.
        using var response = await api.PostJsonAsync($"/api/cases/{caseId}/portal-links", """{"name":"Hx External","actions":["view","answer","message"]}""");
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync(ApiJsonContext.Default.CreatedPortalLink, cancellationToken))!;
    }
}
