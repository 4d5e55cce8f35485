using System.Net;
using CaseFy.Application.Access;
using CaseFy.Application.Mail;
using CaseFy.LocalHost.Identity;
using CaseFy.Model.Mail;
using CaseFy.Model.Notifications;
using CaseFy.Model.Ports;
using CaseFy.Testing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CaseFy.IntegrationTests;

/// <summary>
/// Mail to team members through the real host, engine and Azurite, into a real pickup folder: immediate mail reaches
/// exactly the inbox's recipients who chose it, once, across a restart and a replayed batch; a person no longer on the
/// case gets no case title; no address or token in any log line.
/// </summary>
public sealed class TeamMailDeliveryTests
{
    private const string TemplateJson = """{"name":"Team mail","stages":[{"key":"work","name":"Work"}]}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Immediate_MailsOnlyTheRecipientsWhoChoseIt_OnceEach_AcrossARestartAndAReplay_WithNoAddressInLogs()
    {
        await using var storage = await TestStorage.StartAsync(Ct);
        var hub = TestHost.NewTaskHub();
        var pickup = Directory.CreateTempSubdirectory("casefy-teammail-");
        var logs = new CapturedLogs();
        string caseId;
        Dictionary<string, DateTime> written;
        var tokens = new List<string>();
        await using (var first = await MailDeliveryTests.StartAsync(storage, hub, pickup.FullName, logs))
        {
            caseId = await CaseWithPeopleAsync(first, "Ivy Immediate", "Otto Off", "Dana Digest");
            tokens.Add(await ChooseAsync(first, "Ivy Immediate", "ivy@example.org", TeamMailDeliveries.Immediate));
            tokens.Add(await ChooseAsync(first, "Otto Off", "otto@example.org", TeamMailDeliveries.Off));
            tokens.Add(await ChooseAsync(first, "Dana Digest", "dana@example.org", TeamMailDeliveries.DailyDigest));

            await AssignAsync(first, caseId, "Sign the lease", "Ivy Immediate");
            await AssignAsync(first, caseId, "Check the lease", "Otto Off");
            await AssignAsync(first, caseId, "File the lease", "Dana Digest");
            await PostOkAsync(first, $"/api/cases/{caseId}/comments", """{"text":"@Ivy Immediate @Otto Off @Dana Digest please look"}""");
            var mails = await MailDeliveryTests.WaitForMailsAsync(pickup.FullName, 2, logs);
            await Task.Delay(1000, Ct);   // room for a wrong extra mail (Otto's, Dana's) to show up
            mails = await MailDeliveryTests.ReadMailsAsync(pickup.FullName);
            written = Directory.GetFiles(pickup.FullName, "*.eml").ToDictionary(f => f, File.GetLastWriteTimeUtc);

            Assert.All(mails, m => Assert.Equal("ivy@example.org", m.To.Mailboxes.Single().Address));
            Assert.Equal(
                ["A task was assigned to you: Team case", "You were mentioned in a comment: Team case"],
                mails.Select(m => m.Subject ?? string.Empty).Order(StringComparer.Ordinal));
            Assert.All(mails, m => Assert.Contains($"/#/cases/{caseId}", m.TextBody, StringComparison.Ordinal));
            Assert.Contains(mails, m => (m.TextBody ?? string.Empty).Contains("\"Sign the lease\"", StringComparison.Ordinal));
        }

        await using (var second = await MailDeliveryTests.StartAsync(storage, hub, pickup.FullName, logs))
        {
            // A batch handled again (the inbox cursor lost) derives the same deliveries: no second mail of any of them.
            await second.Services.GetRequiredService<INotificationStore>().SetCursorAsync(caseId, 0, Ct);
            await AssignAsync(second, caseId, "Renew the lease", "Ivy Immediate");
            var mails = await MailDeliveryTests.WaitForMailsAsync(pickup.FullName, 3, logs);
            await Task.Delay(1000, Ct);   // room for a wrong extra mail to show up

            Assert.Equal(3, Directory.GetFiles(pickup.FullName, "*.eml").Length);
            Assert.All(mails, m => Assert.Equal("ivy@example.org", m.To.Mailboxes.Single().Address));
            Assert.All(written.Keys, f => Assert.True(File.Exists(f)));
            var inbox = await second.Services.GetRequiredService<INotificationStore>().ListAsync(
                DevIssuer.ObjectIdFor("Ivy Immediate"), unreadOnly: false, null, 100, Ct);
            Assert.Equal(3, inbox.Items.Count);
            Assert.Equal(
                inbox.Items.Select(n => TeamMailRules.Immediate(DevIssuer.ObjectIdFor("Ivy Immediate"), n).Id + ".eml").Order(StringComparer.Ordinal),
                Directory.GetFiles(pickup.FullName, "*.eml").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }

        Assert.Contains(logs.Lines, l => l.Contains("Team mail", StringComparison.Ordinal) && l.Contains("was sent", StringComparison.Ordinal));
        var leaks = logs.Lines.Where(l =>
            new[] { "ivy@example.org", "otto@example.org", "dana@example.org" }.Concat(tokens).Any(secret => l.Contains(secret, StringComparison.Ordinal))).ToList();
        Assert.True(leaks.Count == 0, string.Join('\n', leaks.Take(5)));
        pickup.Delete(recursive: true);
    }

    [Fact]
    public async Task Writer_PersonNoLongerOnTheCase_GetsTheMailWithoutTheCaseTitleOrText()
    {
        await using var storage = await TestStorage.StartAsync(Ct);
        var pickup = Directory.CreateTempSubdirectory("casefy-teammail-");
        await using var host = await MailDeliveryTests.StartAsync(storage, TestHost.NewTaskHub(), pickup.FullName, logs: null);
        var caseId = await CaseWithPeopleAsync(host, "Rex Removed");
        await ChooseAsync(host, "Rex Removed", "rex@example.org", TeamMailDeliveries.Immediate);
        var rex = DevIssuer.ObjectIdFor("Rex Removed");
        var notification = new Notification(
            NotificationRules.KeyPrefixOf(DateTimeOffset.UtcNow) + "-" + caseId + "-99", NotificationKinds.Mentioned, caseId, "Team case",
            caseId + "-99", DateTimeOffset.UtcNow, TestHost.AdminName, "the secret plan", Read: false);
        await host.Services.GetRequiredService<INotificationStore>().AddAsync([(rex, notification)], Ct);
        var writer = host.Services.GetRequiredService<TeamMailWriter>();
        var sender = new MailboxAddress("CaseFy", "casefy@example.org");

        var onCase = (await writer.WriteAsync(TeamMailRules.Immediate(rex, notification), sender, Ct)).Message!;
        using (var removed = await host.Api.Http.DeleteAsync(new Uri($"/api/cases/{caseId}/participants/{rex}", UriKind.Relative), Ct))
        {
            await CaseFyClient.ExpectAsync(removed, HttpStatusCode.NoContent);
        }

        var offCase = (await writer.WriteAsync(TeamMailRules.Immediate(rex, notification), sender, Ct)).Message!;

        Assert.Equal("You were mentioned in a comment: Team case", onCase.Subject);
        Assert.Contains("the secret plan", onCase.TextBody, StringComparison.Ordinal);
        Assert.Equal("You were mentioned in a comment", offCase.Subject);
        Assert.DoesNotContain("Team case", offCase.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("the secret plan", offCase.TextBody, StringComparison.Ordinal);
        Assert.Equal("rex@example.org", offCase.To.Mailboxes.Single().Address);

        // Turned off meanwhile: the queued mail is not sent.
        await ChooseAsync(host, "Rex Removed", "rex@example.org", TeamMailDeliveries.Off);
        var draft = await writer.WriteAsync(TeamMailRules.Immediate(rex, notification), sender, Ct);
        Assert.Equal((null, TeamMailRules.NotWantedReason), (draft.Message, draft.NotSentReason));
        pickup.Delete(recursive: true);
    }

    // A case owned by the admin with the named people as members.
    internal static async Task<string> CaseWithPeopleAsync(TestHost host, params string[] names)
    {
        var template = await host.Api.CreateTemplateFromJsonAsync(TemplateJson);
        var caseId = (await host.Api.OpenCaseAsync(template.Id, "Team case")).Id;
        await host.Api.WaitForStageEnteredAsync(caseId, "work");
        foreach (var name in names)
        {
            await PostOkAsync(host, $"/api/cases/{caseId}/participants", $$"""{"id":"{{DevIssuer.ObjectIdFor(name)}}","name":"{{name}}","role":"member"}""");
        }

        return caseId;
    }

    // The person signs in with the address and chooses the delivery; their token, to look for in the logs.
    internal static async Task<string> ChooseAsync(TestHost host, string name, string email, string delivery)
    {
        var client = await host.SignInWithEmailAsync(name, email, CaseFyRoles.Member);
        using var response = await client.Http.PutAsync(
            new Uri("/api/me/mail", UriKind.Relative), new StringContent($$"""{"delivery":"{{delivery}}"}""", System.Text.Encoding.UTF8, "application/json"), Ct);
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.OK);
        return client.Http.DefaultRequestHeaders.Authorization!.Parameter!;
    }

    private static Task AssignAsync(TestHost host, string caseId, string title, string name) =>
        PostOkAsync(host, $"/api/cases/{caseId}/tasks", $$$"""{"title":"{{{title}}}","assignee":{"id":"{{{DevIssuer.ObjectIdFor(name)}}}","name":"{{{name}}}"}}""");

    private static async Task PostOkAsync(TestHost host, string path, string json)
    {
        using var response = await host.Api.PostJsonAsync(path, json);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
    }
}
