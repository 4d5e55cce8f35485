using System.Net;
using System.Net.Http.Json;
using CaseFy.Application.Access;
using CaseFy.Application.Apis;
using CaseFy.LocalHost.Identity;
using CaseFy.Model;
using CaseFy.Model.Notifications;
using CaseFy.Testing;

namespace CaseFy.IntegrationTests;

/// <summary>
/// The notifications inbox over HTTP: each kind reaches exactly its recipients once (written by the outbox consumer),
/// read and unread, and a person removed from a case keeps the notification without its title.
/// </summary>
public sealed class NotificationsApiTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private const string TemplateJson = """
        {"name":"Inbox","stages":[{"key":"collect","name":"Collect",
          "documents":[{"key":"proof","name":"Proof","provider":"external","contentTypes":["application/pdf"],"maxBytes":1000}]}]}
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Notifications_AssignMentionAndOutsideUpload_ReachExactlyTheirRecipientsOnce()
    {
        var (caseId, nora, max) = await CaseWithTwoMembersAsync("Nora Assign", "Max Assign");
        await PostOkAsync($"/api/cases/{caseId}/tasks", $$"""{"title":"Check the proof","assignee":{{Person("Nora Assign")}}}""");
        await PostOkAsync($"/api/cases/{caseId}/comments", """{"text":"@nora assign please look; @Nobody else"}""");
        var link = await host.Api.CreatePortalLinkAsync(caseId, "Olive Outside", """["view","upload"]""");
        using var anonymous = host.Host.Anonymous();
        using (var uploaded = await anonymous.Http.PostAsync(
            new Uri($"/api/portal/{link.Token}/documents/proof", UriKind.Relative), DocumentForms.File([1, 2, 3], fileName: "proof.pdf"), Ct))
        {
            await CaseFyClient.ExpectAsync(uploaded, HttpStatusCode.NoContent);
        }

        // Entries of one case are handled in order: once the last one reached Max, Nora's are all there.
        await PostOkAsync($"/api/cases/{caseId}/comments", """{"text":"done, @Max Assign"}""");
        await WaitForAsync(max, caseId, 1);

        var forNora = await ListAsync(nora, caseId);
        var forAdmin = await ListAsync(host.Api, caseId);
        Assert.Equal(
            [NotificationKinds.OutsideUpload, NotificationKinds.Mentioned, NotificationKinds.TaskAssigned],
            forNora.Select(n => n.Kind));
        Assert.Equal(["Olive Outside", TestHost.AdminName, TestHost.AdminName], forNora.Select(n => n.ActorName));
        Assert.All(forNora, n => Assert.Equal(("Inbox case", false), (n.CaseTitle, n.Read)));
        Assert.Equal("proof.pdf", forNora[0].Text);
        Assert.Equal([NotificationKinds.OutsideUpload], forAdmin.Select(n => n.Kind));
        Assert.Equal([NotificationKinds.Mentioned], (await ListAsync(max, caseId)).Select(n => n.Kind));
    }

    [Fact]
    public async Task Notifications_ReadOneReadAllAndCount_ChangeOnlyTheCallersInbox()
    {
        var (caseId, nora, max) = await CaseWithTwoMembersAsync("Nora Read", "Max Read");
        await PostOkAsync($"/api/cases/{caseId}/comments", """{"text":"@Nora Read one"}""");
        await PostOkAsync($"/api/cases/{caseId}/comments", """{"text":"@Nora Read two, @Max Read"}""");
        await WaitForAsync(max, caseId, 1);
        var both = await ListAsync(nora, caseId);
        Assert.Equal(2, both.Count);

        using (var read = await nora.PostJsonAsync($"/api/notifications/{both[1].Id}/read", "{}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, read.StatusCode);
        }

        var unread = await nora.Http.GetFromJsonAsync("/api/notifications?unread=true&pageSize=100", ApiJsonContext.Default.PageNotification, Ct);
        Assert.Equal([both[0].Id], unread!.Items.Where(n => n.CaseId == caseId).Select(n => n.Id));
        Assert.Equal(unread.Items.Count, (await CountAsync(nora)).Unread);

        // Max may not mark Nora's notification of the first comment: it is not in his inbox.
        using (var foreign = await max.PostJsonAsync($"/api/notifications/{both[1].Id}/read", "{}"))
        {
            await CaseFyClient.ExpectAsync(foreign, HttpStatusCode.NotFound);
        }

        using (var all = await nora.PostJsonAsync("/api/notifications/read-all", "{}"))
        {
            await CaseFyClient.ExpectAsync(all, HttpStatusCode.OK);
            Assert.Equal(unread.Items.Count, (await all.Content.ReadFromJsonAsync(ApiJsonContext.Default.MarkedRead, Ct))!.Marked);
        }

        Assert.Equal(0, (await CountAsync(nora)).Unread);
        Assert.Equal(1, (await CountAsync(max)).Unread);
        Assert.All(await ListAsync(nora, caseId), n => Assert.True(n.Read));
    }

    [Fact]
    public async Task Notifications_PersonRemovedFromTheCase_KeepsItWithoutTheTitleOrText()
    {
        var (caseId, nora, max) = await CaseWithTwoMembersAsync("Nora Removed", "Max Removed");
        await PostOkAsync($"/api/cases/{caseId}/comments", """{"text":"@Nora Removed secret plans, @Max Removed"}""");
        await WaitForAsync(max, caseId, 1);
        using (var removed = await host.Api.Http.DeleteAsync(
            new Uri($"/api/cases/{caseId}/participants/{DevIssuer.ObjectIdFor("Nora Removed")}", UriKind.Relative), Ct))
        {
            await CaseFyClient.ExpectAsync(removed, HttpStatusCode.NoContent);
        }

        var kept = Assert.Single(await ListAsync(nora, caseId));
        var stillOn = Assert.Single(await ListAsync(max, caseId));

        Assert.Equal((NotificationKinds.Mentioned, (string?)null, (string?)null), (kept.Kind, kept.CaseTitle, kept.Text));
        Assert.Equal(("Inbox case", "@Nora Removed secret plans, @Max Removed"), (stillOn.CaseTitle, stillOn.Text));
    }

    [Theory]
    [InlineData("/api/notifications?unread=maybe", "unread")]
    [InlineData("/api/notifications?unread=true&unread=false", "unread")]
    [InlineData("/api/notifications?pageSize=0", "pageSize")]
    [InlineData("/api/notifications?continuationToken=..%2F..", "continuationToken")]
    public async Task Notifications_BadQuery_Is400ProblemNamingTheParameter(string path, string parameter)
    {
        using var response = await host.Api.Http.GetAsync(new Uri(path, UriKind.Relative), Ct);

        await CaseFyClient.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"{parameter}\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("0000000000000000000-0123456789abcdef0123456789abcdef-1")]
    public async Task Notifications_MarkReadUnknownId_Is404Problem(string id)
    {
        using var response = await host.Api.PostJsonAsync($"/api/notifications/{id}/read", "{}");

        await CaseFyClient.ExpectAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Notifications_WithoutAToken_Is401()
    {
        using var anonymous = host.Host.Anonymous();

        using var response = await anonymous.Http.GetAsync(new Uri("/api/notifications/count", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static string Person(string name) => $$"""{"id":"{{DevIssuer.ObjectIdFor(name)}}","name":"{{name}}"}""";

    private async Task<(string CaseId, CaseFyClient First, CaseFyClient Second)> CaseWithTwoMembersAsync(string first, string second)
    {
        var template = await host.Api.CreateTemplateFromJsonAsync(TemplateJson);
        var opened = await host.Api.OpenCaseAsync(template.Id, "Inbox case");
        await host.Api.WaitForStageEnteredAsync(opened.Id, "collect");
        foreach (var name in new[] { first, second })
        {
            await PostOkAsync($"/api/cases/{opened.Id}/participants", $$"""{"id":"{{DevIssuer.ObjectIdFor(name)}}","name":"{{name}}","role":"member"}""");
        }

        return (opened.Id, await host.Host.SignInAsync(first, CaseFyRoles.Member), await host.Host.SignInAsync(second, CaseFyRoles.Member));
    }

    private async Task PostOkAsync(string path, string json)
    {
        using var response = await host.Api.PostJsonAsync(path, json);
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.OK);
    }

    private static async Task<List<Notification>> ListAsync(CaseFyClient client, string caseId)
    {
        var page = await client.Http.GetFromJsonAsync("/api/notifications?pageSize=100", ApiJsonContext.Default.PageNotification, Ct);
        return [.. page!.Items.Where(n => n.CaseId == caseId)];
    }

    private static async Task<Application.Notifications.UnreadCount> CountAsync(CaseFyClient client) =>
        (await client.Http.GetFromJsonAsync("/api/notifications/count", ApiJsonContext.Default.UnreadCount, Ct))!;

    private static async Task WaitForAsync(CaseFyClient client, string caseId, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await ListAsync(client, caseId)).Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{count} notification(s) of case {caseId} did not arrive within 60 s.");
            await Task.Delay(200, Ct);
        }
    }
}
