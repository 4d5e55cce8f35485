using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseFy.Application.Access;
using CaseFy.Application.Apis;
using CaseFy.LocalHost.Identity;
using CaseFy.Model;
using CaseFy.Model.Notifications;
using CaseFy.Model.Portal;
using CaseFy.Model.Timeline;
using CaseFy.Testing;

namespace CaseFy.IntegrationTests;

/// <summary>
/// Two-way messages over HTTP: the team writes to one link's party, the party answers through their token, each link
/// is its own conversation (never shown to another link), the owner is notified of the party's message, and the limits
/// and refusals answer problem+json.
/// </summary>
public sealed class MessagesApiTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private const string TemplateJson = """{"name":"Messages","stages":[{"key":"talk","name":"Talk"},{"key":"done","name":"Done"}]}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CaseFyClient Api => host.Api;

    [Fact]
    public async Task Messages_BothWays_EachLinkSeesOnlyItsOwnConversation_TheTeamSeesAll()
    {
        var (caseId, erin, frank) = await CaseWithTwoLinksAsync();
        using var anonymous = host.Host.Anonymous();

        var toErin = await SendFromTeamAsync(caseId, erin.Link.Id, "Erin, please confirm your address.");
        await SendFromTeamAsync(caseId, frank.Link.Id, "Frank, a question for you only.");
        using (var answered = await anonymous.PostJsonAsync($"/api/portal/{erin.Token}/messages", """{"text":"  Confirmed: 1 Main Street.  "}"""))
        {
            await CaseFyClient.ExpectAsync(answered, HttpStatusCode.OK);
            var reply = (await answered.Content.ReadFromJsonAsync(ApiJsonContext.Default.PortalMessage, Ct))!;
            Assert.Equal((MessageDirections.FromExternal, "Erin Outside", "Confirmed: 1 Main Street."), (reply.Direction, reply.From, reply.Text));
        }

        var erinsView = await ViewAsync(anonymous, erin.Token);
        var franksView = await ViewAsync(anonymous, frank.Token);
        var erinsPage = await anonymous.Http.GetFromJsonAsync($"/api/portal/{erin.Token}/messages", ApiJsonContext.Default.PagePortalMessage, Ct);
        var all = await Api.Http.GetFromJsonAsync($"/api/cases/{caseId}/messages", ApiJsonContext.Default.PagePortalMessage, Ct);
        var erinsForTeam = await Api.Http.GetFromJsonAsync($"/api/cases/{caseId}/messages?linkId={erin.Link.Id}", ApiJsonContext.Default.PagePortalMessage, Ct);

        Assert.Equal((MessageDirections.ToExternal, TestHost.AdminName, erin.Link.Id), (toErin.Direction, toErin.From, toErin.LinkId));
        Assert.Equal(
            [("Erin, please confirm your address.", MessageDirections.ToExternal), ("Confirmed: 1 Main Street.", MessageDirections.FromExternal)],
            Texts(erinsView.GetProperty("messages")));
        Assert.Equal([("Frank, a question for you only.", MessageDirections.ToExternal)], Texts(franksView.GetProperty("messages")));
        Assert.DoesNotContain("Erin", franksView.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Frank", erinsView.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(2, PublicMessages(erinsView).Count);
        Assert.Equal([MessageDirections.ToExternal], PublicMessages(franksView));
        Assert.Equal(["Erin, please confirm your address.", "Confirmed: 1 Main Street."], erinsPage!.Items.Select(m => m.Text));
        Assert.Equal([erin.Link.Id, frank.Link.Id, erin.Link.Id], all!.Items.Select(m => m.LinkId));
        Assert.Equal(2, erinsForTeam!.Items.Count);
        var entries = (await Api.GetTimelineAsync(caseId)).Where(e => e.Type == TimelineEntryTypes.MessageSent).ToList();
        Assert.Equal(3, entries.Count);
        Assert.Equal(("portal-link:" + erin.Link.Id, erin.Link.Id), (entries[2].Actor.Id, entries[2].Data["linkId"]));
        Assert.True((await Api.VerifyTimelineAsync(caseId)).Valid);
    }

    [Fact]
    public async Task PartysMessage_NotifiesTheOwnerOnce_TheTeamsNobody()
    {
        var (caseId, erin, _) = await CaseWithTwoLinksAsync();
        var owner = await host.Host.SignInAsync("Olga Owner", CaseFyRoles.Member);
        using (var handed = await Api.Http.PutAsync(
            new Uri($"/api/cases/{caseId}/owner", UriKind.Relative),
            new StringContent($$"""{"id":"{{DevIssuer.ObjectIdFor("Olga Owner")}}","name":"Olga Owner"}""", System.Text.Encoding.UTF8, "application/json"), Ct))
        {
            await CaseFyClient.ExpectAsync(handed, HttpStatusCode.OK);
        }

        using var anonymous = host.Host.Anonymous();
        await SendFromTeamAsync(caseId, erin.Link.Id, "From the team");
        using (var sent = await anonymous.PostJsonAsync($"/api/portal/{erin.Token}/messages", """{"text":"When do I start?"}"""))
        {
            await CaseFyClient.ExpectAsync(sent, HttpStatusCode.OK);
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        List<Notification> mine;
        while ((mine = await NotificationsAsync(owner, caseId)).All(n => n.Kind != NotificationKinds.OutsideMessage))
        {
            Assert.True(DateTime.UtcNow < deadline, "The outside party's message did not notify the owner within 60 s.");
            await Task.Delay(200, Ct);
        }

        var message = Assert.Single(mine, n => n.Kind == NotificationKinds.OutsideMessage);
        Assert.Equal(("Erin Outside", "When do I start?"), (message.ActorName, message.Text));
        Assert.DoesNotContain(await NotificationsAsync(Api, caseId), n => n.Kind == NotificationKinds.OutsideMessage && n.Text == "From the team");
    }

    [Theory]
    [InlineData("""{"text":"","linkId":"{link}"}""", "$.text")]
    [InlineData("""{"text":"\u200B\u200B","linkId":"{link}"}""", "$.text")]
    [InlineData("""{"text":"{long}","linkId":"{link}"}""", "$.text")]
    [InlineData("""{"text":"Hi"}""", "$.linkId")]
    [InlineData("""{"text":"Hi","linkId":"0123456789abcdef0123456789abcdef"}""", "$.linkId")]
    [InlineData("""{"text":"Hi","linkId":"{link}","extra":1}""", "$.extra")]
    public async Task TeamMessage_BadBody_Is400NamingThePathAndWritesNothing(string body, string path)
    {
        var (caseId, erin, _) = await CaseWithTwoLinksAsync();
        var before = (await Api.GetCaseAsync(caseId)).TimelineLength;

        using var response = await Api.PostJsonAsync(
            $"/api/cases/{caseId}/messages",
            body.Replace("{link}", erin.Link.Id, StringComparison.Ordinal).Replace("{long}", new string('a', PortalMessages.MaxTextLength + 1), StringComparison.Ordinal));

        Assert.Contains(path, await ErrorPathsAsync(response));
        Assert.Equal(before, (await Api.GetCaseAsync(caseId)).TimelineLength);
    }

    [Fact]
    public async Task PartyMessage_TooLongOrBlank_Is400NamingText_ExactlyTheLimitIsAccepted()
    {
        var (_, erin, _) = await CaseWithTwoLinksAsync();
        using var anonymous = host.Host.Anonymous();

        using var tooLong = await anonymous.PostJsonAsync($"/api/portal/{erin.Token}/messages", $$"""{"text":"{{new string('b', PortalMessages.MaxTextLength + 1)}}"}""");
        using var blank = await anonymous.PostJsonAsync($"/api/portal/{erin.Token}/messages", """{"text":"   "}""");
        using var longest = await anonymous.PostJsonAsync($"/api/portal/{erin.Token}/messages", $$"""{"text":"{{new string('b', PortalMessages.MaxTextLength)}}"}""");

        Assert.Equal(["$.text"], await ErrorPathsAsync(tooLong));
        Assert.Equal(["$.text"], await ErrorPathsAsync(blank));
        Assert.Equal(HttpStatusCode.OK, longest.StatusCode);
    }

    [Fact]
    public async Task Messages_LinkWithoutMessage_RevokedLinkOrClosedCase_AreRefused()
    {
        var (caseId, erin, frank) = await CaseWithTwoLinksAsync();
        var viewOnly = await Api.CreatePortalLinkAsync(caseId, "Vera Viewonly", """["view"]""");
        using var anonymous = host.Host.Anonymous();

        using var partyWithout = await anonymous.PostJsonAsync($"/api/portal/{viewOnly.Token}/messages", """{"text":"Hi"}""");
        using var readWithout = await anonymous.Http.GetAsync(new Uri($"/api/portal/{viewOnly.Token}/messages", UriKind.Relative), Ct);
        using var teamToViewOnly = await Api.PostJsonAsync($"/api/cases/{caseId}/messages", $$"""{"text":"Hi","linkId":"{{viewOnly.Link.Id}}"}""");
        var viewOnlyView = await ViewAsync(anonymous, viewOnly.Token);
        using (var revoke = await Api.Http.DeleteAsync(new Uri($"/api/cases/{caseId}/portal-links/{frank.Link.Id}", UriKind.Relative), Ct))
        {
            await CaseFyClient.ExpectAsync(revoke, HttpStatusCode.NoContent);
        }

        using var partyRevoked = await anonymous.PostJsonAsync($"/api/portal/{frank.Token}/messages", """{"text":"Hi"}""");
        using var teamToRevoked = await Api.PostJsonAsync($"/api/cases/{caseId}/messages", $$"""{"text":"Hi","linkId":"{{frank.Link.Id}}"}""");
        using (var close = await Api.PostJsonAsync($"/api/cases/{caseId}/close", """{"reason":"finished"}"""))
        {
            await CaseFyClient.ExpectAsync(close, HttpStatusCode.OK);
        }

        using var teamClosed = await Api.PostJsonAsync($"/api/cases/{caseId}/messages", $$"""{"text":"Hi","linkId":"{{erin.Link.Id}}"}""");
        using var partyClosed = await anonymous.PostJsonAsync($"/api/portal/{erin.Token}/messages", """{"text":"Hi"}""");

        Assert.Equal(
            [HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Conflict, HttpStatusCode.NotFound, HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.Conflict],
            new[] { partyWithout, readWithout, teamToViewOnly, partyRevoked, teamToRevoked, teamClosed, partyClosed }.Select(r => r.StatusCode));
        Assert.All(new[] { partyWithout, teamToViewOnly, partyRevoked, teamClosed }, r => Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType));
        Assert.Equal(0, viewOnlyView.GetProperty("messages").GetArrayLength());
        Assert.DoesNotContain((await Api.GetTimelineAsync(caseId)), e => e.Type == TimelineEntryTypes.MessageSent);
    }

    [Fact]
    public async Task TeamMessages_AccessFollowsTheCase_ViewerReadsButMayNotWrite_StrangerGets404()
    {
        var (caseId, erin, _) = await CaseWithTwoLinksAsync();
        using (var added = await Api.PostJsonAsync(
            $"/api/cases/{caseId}/participants", $$"""{"id":"{{DevIssuer.ObjectIdFor("Vic Viewer")}}","name":"Vic Viewer","role":"viewer"}"""))
        {
            await CaseFyClient.ExpectAsync(added, HttpStatusCode.OK);
        }

        await SendFromTeamAsync(caseId, erin.Link.Id, "Seen by the viewer");
        var viewer = await host.Host.SignInAsync("Vic Viewer", CaseFyRoles.Viewer);
        var stranger = await host.Host.SignInAsync("Sam Stranger", CaseFyRoles.Member);

        var read = await viewer.Http.GetFromJsonAsync($"/api/cases/{caseId}/messages", ApiJsonContext.Default.PagePortalMessage, Ct);
        using var write = await viewer.PostJsonAsync($"/api/cases/{caseId}/messages", $$"""{"text":"Hi","linkId":"{{erin.Link.Id}}"}""");
        using var strangerRead = await stranger.Http.GetAsync(new Uri($"/api/cases/{caseId}/messages", UriKind.Relative), Ct);
        using var badLink = await Api.Http.GetAsync(new Uri($"/api/cases/{caseId}/messages?linkId=0123456789abcdef0123456789abcdef", UriKind.Relative), Ct);

        Assert.Equal(["Seen by the viewer"], read!.Items.Select(m => m.Text));
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.NotFound), (write.StatusCode, strangerRead.StatusCode));
        Assert.Equal(["linkId"], await ErrorPathsAsync(badLink));
    }

    [Fact]
    public async Task Conversation_Paged_ContinuationLeadsToOlderMessagesOnBothSides()
    {
        var (caseId, erin, _) = await CaseWithTwoLinksAsync();
        for (var i = 1; i <= 5; i++)
        {
            await SendFromTeamAsync(caseId, erin.Link.Id, $"Message {i}");
        }

        using var anonymous = host.Host.Anonymous();
        var newest = await Api.Http.GetFromJsonAsync($"/api/cases/{caseId}/messages?pageSize=2", ApiJsonContext.Default.PagePortalMessage, Ct);
        var older = await anonymous.Http.GetFromJsonAsync(
            $"/api/portal/{erin.Token}/messages?pageSize=3&continuationToken={newest!.ContinuationToken}", ApiJsonContext.Default.PagePortalMessage, Ct);

        Assert.Equal(["Message 4", "Message 5"], newest.Items.Select(m => m.Text));
        Assert.Equal(["Message 1", "Message 2", "Message 3"], older!.Items.Select(m => m.Text));
    }

    [Fact]
    public async Task PartyMessages_OverThePortalRateLimit_Are429WithRetryAfter_AndOnlyTheAllowedOnesAreStored()
    {
        var (caseId, erin, _) = await CaseWithTwoLinksAsync();
        using var anonymous = host.Host.Anonymous();

        var sent = 0;
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 70 && limited is null; i++)
        {
            var response = await anonymous.PostJsonAsync($"/api/portal/{erin.Token}/messages", $$"""{"text":"Message {{i}}"}""");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
                continue;
            }

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            response.Dispose();
            sent++;
        }

        Assert.NotNull(limited);
        using (limited)
        {
            Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
            Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        }

        Assert.InRange(sent, 1, 60);
        Assert.Equal(sent, (await Api.GetTimelineAsync(caseId)).Count(e => e.Type == TimelineEntryTypes.MessageSent));
    }

    private async Task<(string CaseId, Application.Portal.CreatedPortalLink Erin, Application.Portal.CreatedPortalLink Frank)> CaseWithTwoLinksAsync()
    {
        var template = await Api.CreateTemplateFromJsonAsync(TemplateJson);
        var opened = await Api.OpenCaseAsync(template.Id, "Conversation case");
        await Api.WaitForStageEnteredAsync(opened.Id, "talk");
        var erin = await Api.CreatePortalLinkAsync(opened.Id, "Erin Outside", """["view","message"]""");
        var frank = await Api.CreatePortalLinkAsync(opened.Id, "Frank Faraway", """["view","message"]""");
        return (opened.Id, erin, frank);
    }

    private async Task<PortalMessage> SendFromTeamAsync(string caseId, string linkId, string text)
    {
        using var response = await Api.PostJsonAsync($"/api/cases/{caseId}/messages", $$"""{"text":"{{text}}","linkId":"{{linkId}}"}""");
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync(ApiJsonContext.Default.PortalMessage, Ct))!;
    }

    private static async Task<JsonElement> ViewAsync(CaseFyClient anonymous, string token)
    {
        using var response = await anonymous.Http.GetAsync(new Uri($"/api/portal/{token}", UriKind.Relative), Ct);
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
    }

    private static List<(string?, string?)> Texts(JsonElement messages) =>
        [.. messages.EnumerateArray().Select(m => (m.GetProperty("text").GetString(), m.GetProperty("direction").GetString()))];

    private static List<string?> PublicMessages(JsonElement view) =>
        [.. view.GetProperty("timeline").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == TimelineEntryTypes.MessageSent)
            .Select(e => e.GetProperty("direction").GetString())];

    private static async Task<List<Notification>> NotificationsAsync(CaseFyClient client, string caseId)
    {
        var page = await client.Http.GetFromJsonAsync("/api/notifications?pageSize=100", ApiJsonContext.Default.PageNotification, Ct);
        return [.. page!.Items.Where(n => n.CaseId == caseId)];
    }

    private static async Task<string[]> ErrorPathsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return [.. problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name)];
    }
}
