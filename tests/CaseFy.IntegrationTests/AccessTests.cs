using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseFy.Application.Access;
using CaseFy.LocalHost.Identity;
using CaseFy.Model.Access;
using CaseFy.Model.Json;
using CaseFy.Model.Timeline;
using CaseFy.Testing;

namespace CaseFy.IntegrationTests;

/// <summary>Sign-in, app roles and per-case participants through real HTTP with tokens from the development issuer.</summary>
public sealed class AccessTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateTemplate_ByRole_OnlyAdminsMay()
    {
        var member = await host.Host.SignInAsync("Templ Member", CaseFyRoles.Member);
        var viewer = await host.Host.SignInAsync("Templ Viewer", CaseFyRoles.Viewer);
        const string draft = """{"name":"x","stages":[{"key":"a","name":"A"}]}""";

        using var anonymous = await host.Host.Anonymous().PostJsonAsync("/api/templates", draft);
        using var asMember = await member.PostJsonAsync("/api/templates", draft);
        using var asViewer = await viewer.PostJsonAsync("/api/templates", draft);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Forbidden, asMember.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asViewer.StatusCode);
        Assert.Equal("application/problem+json", asViewer.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OpenCase_ByMember_CreatorOwnsItAndOthersCannotSeeIt()
    {
        var template = await host.Api.CreateTemplateAsync("intake");
        var owner = await host.Host.SignInAsync("Olga Owner", CaseFyRoles.Member);
        var stranger = await host.Host.SignInAsync("Stan Stranger", CaseFyRoles.Member);

        var opened = await owner.OpenCaseAsync(template.Id, "Olga's case");
        using var strangerGet = await stranger.Http.GetAsync(new Uri($"/api/cases/{opened.Id}", UriKind.Relative), Ct);
        var strangerList = await stranger.ListCasesAsync(pageSize: 100);
        var ownerList = await owner.ListCasesAsync(pageSize: 100);
        var adminGet = await host.Api.GetCaseAsync(opened.Id);

        Assert.Equal([new CaseParticipant(DevIssuer.ObjectIdFor("Olga Owner"), "Olga Owner", ParticipantRole.Owner)], opened.Participants);
        Assert.Equal(HttpStatusCode.NotFound, strangerGet.StatusCode);
        Assert.DoesNotContain(strangerList.Items, c => c.Id == opened.Id);
        Assert.Contains(ownerList.Items, c => c.Id == opened.Id);
        Assert.All(ownerList.Items, c => Assert.Contains(c.Participants, p => p.Id == DevIssuer.ObjectIdFor("Olga Owner")));
        Assert.Equal(opened.Id, adminGet.Id);
        var created = (await owner.GetTimelineAsync(opened.Id))[0];
        Assert.Equal((TimelineEntryTypes.CaseCreated, DevIssuer.ObjectIdFor("Olga Owner"), "Olga Owner"), (created.Type, created.Actor.Id, created.Actor.Name));
    }

    [Fact]
    public async Task Participants_AddedByOwner_GetTheirRoleAndEachChangeIsOnTheTimeline()
    {
        var template = await host.Api.CreateTemplateAsync("intake", "review");
        var owner = await host.Host.SignInAsync("Paula Owner", CaseFyRoles.Member);
        var worker = await host.Host.SignInAsync("Walt Worker", CaseFyRoles.Member);
        var reader = await host.Host.SignInAsync("Rita Reader", CaseFyRoles.Viewer);
        var opened = await owner.OpenCaseAsync(template.Id, "Shared case");

        await ExpectOkAsync(owner.PostJsonAsync($"/api/cases/{opened.Id}/participants", Participant("Walt Worker", "member")));
        await ExpectOkAsync(owner.PostJsonAsync($"/api/cases/{opened.Id}/participants", Participant("Rita Reader", "member")));
        using var readerWrites = await reader.AdvanceAsync(opened.Id, "can I?");
        using var readerAddsSelf = await reader.PostJsonAsync($"/api/cases/{opened.Id}/participants", Participant("Rita Reader", "member"));
        using var workerManages = await worker.PostJsonAsync($"/api/cases/{opened.Id}/participants", Participant("Someone Else", "viewer"));
        await worker.WaitForStageEnteredAsync(opened.Id, "intake");
        using var workerAdvances = await worker.AdvanceAsync(opened.Id, "done");

        Assert.Equal(HttpStatusCode.Forbidden, readerWrites.StatusCode);       // a viewer app role caps any case role
        Assert.Equal(HttpStatusCode.Forbidden, readerAddsSelf.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, workerManages.StatusCode);      // members work, owners manage
        Assert.Equal(HttpStatusCode.Accepted, workerAdvances.StatusCode);
        var reads = await reader.GetCaseAsync(opened.Id);
        Assert.Equal(3, reads.Participants.Count);
        var added = (await owner.GetTimelineAsync(opened.Id)).Where(e => e.Type == TimelineEntryTypes.ParticipantAdded).ToList();
        Assert.Equal(["Walt Worker", "Rita Reader"], added.Select(e => e.Data["participantName"]));
        Assert.All(added, e => Assert.Equal((DevIssuer.ObjectIdFor("Paula Owner"), "Paula Owner"), (e.Actor.Id, e.Actor.Name)));
    }

    [Fact]
    public async Task ChangeOwner_ByOwner_HandsOverManagementAndKeepsOldOwnerAsMember()
    {
        var template = await host.Api.CreateTemplateAsync("intake");
        var first = await host.Host.SignInAsync("First Owner", CaseFyRoles.Member);
        var second = await host.Host.SignInAsync("Second Owner", CaseFyRoles.Member);
        var opened = await first.OpenCaseAsync(template.Id, "Handed over");

        using var handOver = await first.Http.PutAsync(
            new Uri($"/api/cases/{opened.Id}/owner", UriKind.Relative),
            JsonBody($$"""{"id":"{{DevIssuer.ObjectIdFor("Second Owner")}}","name":"Second Owner"}"""), Ct);
        using var oldOwnerManages = await first.PostJsonAsync($"/api/cases/{opened.Id}/participants", Participant("Third", "viewer"));
        using var removeOwner = await second.Http.DeleteAsync(
            new Uri($"/api/cases/{opened.Id}/participants/{DevIssuer.ObjectIdFor("Second Owner")}", UriKind.Relative), Ct);
        using var removeOld = await second.Http.DeleteAsync(
            new Uri($"/api/cases/{opened.Id}/participants/{DevIssuer.ObjectIdFor("First Owner")}", UriKind.Relative), Ct);
        using var oldOwnerReads = await first.Http.GetAsync(new Uri($"/api/cases/{opened.Id}", UriKind.Relative), Ct);

        await CaseFyClient.ExpectAsync(handOver, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Forbidden, oldOwnerManages.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, removeOwner.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, removeOld.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, oldOwnerReads.StatusCode);
        var types = (await second.GetTimelineAsync(opened.Id)).Select(e => e.Type).ToList();
        Assert.Equal([TimelineEntryTypes.CaseCreated, TimelineEntryTypes.OwnerChanged, TimelineEntryTypes.ParticipantRemoved], types.Where(t => t != TimelineEntryTypes.StageEntered));
    }

    [Theory]
    [InlineData("""{"id":"not-a-guid","name":"X","role":"member"}""", "$.id")]
    [InlineData("""{"id":"8d3c7b0e-54a1-4c2b-9a57-2b8f0e3c1d11","name":"X","role":"owner"}""", "$.role")]
    [InlineData("""{"id":"8d3c7b0e-54a1-4c2b-9a57-2b8f0e3c1d11","name":"X","role":"boss"}""", "$.role")]
    [InlineData("""{"id":"8d3c7b0e-54a1-4c2b-9a57-2b8f0e3c1d11","name":"","role":"viewer"}""", "$.name")]
    [InlineData("""{"id":"8d3c7b0e-54a1-4c2b-9a57-2b8f0e3c1d11","role":"viewer"}""", "$.name")]
    public async Task AddParticipant_InvalidBody_Is400AndNothingChanges(string body, string path)
    {
        var template = await host.Api.CreateTemplateAsync("intake");
        var opened = await host.Api.OpenCaseAsync(template.Id, "Validated");
        var before = await host.Api.GetCaseAsync(opened.Id);

        using var response = await host.Api.PostJsonAsync($"/api/cases/{opened.Id}/participants", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains(problem.RootElement.GetProperty("errors").EnumerateObject(), p => p.Name.StartsWith(path, StringComparison.Ordinal));
        Assert.Equal(before.Participants, (await host.Api.GetCaseAsync(opened.Id)).Participants);
    }

    [Theory]
    [InlineData("Bearer not.a.jwt")]
    [InlineData("Bearer ")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task ListCases_BadAuthorizationHeader_Is401(string header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/cases", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Authorization", header);

        using var response = await host.Host.Anonymous().Http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Config_Anonymous_NamesTheDevelopmentIssuerAsOpenIdProvider()
    {
        var config = await host.Host.Anonymous().Http.GetFromJsonAsync<JsonElement>(new Uri("/api/config", UriKind.Relative), Ct);

        Assert.Equal("dev", config.GetProperty("signIn").GetProperty("mode").GetString());
        Assert.Equal(new Uri(host.Host.Address, "/dev-issuer").ToString(), config.GetProperty("signIn").GetProperty("authority").GetString());
        Assert.Equal("casefy-local", config.GetProperty("signIn").GetProperty("clientId").GetString());
        Assert.Equal("api://casefy-local/access_as_user", config.GetProperty("signIn").GetProperty("scopes")[0].GetString());
    }

    [Theory]
    [InlineData("""{"name":"Ana","roles":["CaseFy.Root"]}""")]
    [InlineData("""{"name":"Ana","roles":[]}""")]
    [InlineData("""{"name":"","roles":["CaseFy.Admin"]}""")]
    [InlineData("""{"name":"Ana","roles":["CaseFy.Admin"],"oid":"x"}""")]
    public async Task DevToken_InvalidRequest_Is400(string body)
    {
        using var response = await host.Host.Anonymous().PostJsonAsync("/api/dev/token", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static string Participant(string name, string role) =>
        $$"""{"id":"{{DevIssuer.ObjectIdFor(name)}}","name":"{{name}}","role":"{{role}}"}""";

    private static StringContent JsonBody(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private static async Task ExpectOkAsync(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.OK);
    }
}
