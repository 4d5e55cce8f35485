using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseFy.Application.Mail;
using CaseFy.Application.Portal;
using CaseFy.Model.Mail;
using CaseFy.Model.Timeline;
using CaseFy.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace CaseFy.IntegrationTests;

/// <summary>
/// Mail to the outside party through the real host, engine and Azurite, into a real pickup folder: who gets which mail,
/// once, across a restart; the link in every mail (and never in a log); a failing mail service retried with back-off
/// and recorded while everything else goes on; the intake receipt.
/// </summary>
public sealed class MailDeliveryTests
{
    private const string Key = "mail-tests-app-key-0123456789abcdef";

    private const string TemplateJson = """
        {"name":"Mailed","stages":[
          {"key":"talk","name":"Talk"},
          {"key":"docs","name":"Documents",
           "documents":[{"key":"proof","name":"Proof","provider":"external","contentTypes":["application/pdf"],"maxBytes":1000}]}]}
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MessageAndAsk_MailTheLinksAddressOnceEach_AcrossARestart_AndNoLogHoldsTheToken()
    {
        await using var storage = await TestStorage.StartAsync(Ct);
        var hub = TestHost.NewTaskHub();
        var pickup = Directory.CreateTempSubdirectory("casefy-mail-");
        var logs = new CapturedLogs();
        string caseId;
        CreatedPortalLink erin, frank;
        Dictionary<string, DateTime> written;
        await using (var first = await StartAsync(storage, hub, pickup.FullName, logs))
        {
            var template = await first.Api.CreateTemplateFromJsonAsync(TemplateJson);
            caseId = (await first.Api.OpenCaseAsync(template.Id, "Lease renewal")).Id;
            await first.Api.WaitForStageEnteredAsync(caseId, "talk");
            erin = await CreateLinkAsync(first.Api, caseId, "Erin Outside", "erin@example.org");
            frank = await CreateLinkAsync(first.Api, caseId, "Frank NoAddress", email: null);

            await SendAsync(first.Api, caseId, erin.Link.Id, "Please sign page 2.");
            await SendAsync(first.Api, caseId, frank.Link.Id, "Frank has no address: no mail.");
            (await first.Api.AdvanceAsync(caseId)).Dispose();
            await first.Api.WaitForStageEnteredAsync(caseId, "docs");
            await WaitForRecordsAsync(first.Api, caseId, 2);
            written = Directory.GetFiles(pickup.FullName, "*.eml").ToDictionary(f => f, File.GetLastWriteTimeUtc);
        }

        await using (var second = await StartAsync(storage, hub, pickup.FullName, logs))
        {
            await SendAsync(second.Api, caseId, erin.Link.Id, "And page 3, please.");
            var records = await WaitForRecordsAsync(second.Api, caseId, 3);
            var mails = await ReadMailsAsync(pickup.FullName);

            Assert.Equal([MailKinds.Message, MailKinds.Asked, MailKinds.Message], records.Select(r => r.Data["kind"]));
            Assert.All(records, r => Assert.Equal((TimelineEntryTypes.NotificationMailed, erin.Link.Id, "1"), (r.Type, r.Data["linkId"], r.Data["attempts"])));
            Assert.Equal(3, mails.Count);
            Assert.All(mails, m => Assert.Equal("erin@example.org", m.To.Mailboxes.Single().Address));
            Assert.All(mails, m => Assert.Contains("/portal.html#" + erin.Token, m.TextBody, StringComparison.Ordinal));
            Assert.All(written, w => Assert.Equal(w.Value, File.GetLastWriteTimeUtc(w.Key)));   // not sent again after the restart
            Assert.True((await second.Api.VerifyTimelineAsync(caseId)).Valid);

            // The mailed link opens the party's page.
            using var anonymous = second.Anonymous();
            using var page = await anonymous.Http.GetAsync(new Uri($"/api/portal/{erin.Token}", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        Assert.NotEmpty(logs.Lines);
        Assert.Contains(logs.Lines, l => l.StartsWith("Trace", StringComparison.Ordinal) || l.StartsWith("Debug", StringComparison.Ordinal));
        var leaks = logs.Lines.Where(l => l.Contains(erin.Token, StringComparison.Ordinal) || l.Contains(frank.Token, StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, string.Join('\n', leaks.Take(5)));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("erin@example.org", StringComparison.Ordinal));
        pickup.Delete(recursive: true);
    }

    [Fact]
    public async Task FailingMailService_IsRetriedWithBackOffThenRecorded_WhileEventsAndTheInboxKeepFlowing()
    {
        await using var storage = await TestStorage.StartAsync(Ct);
        var pickup = Directory.CreateTempSubdirectory("casefy-mail-");
        var flaky = new FlakyMailSender(
            new PickupFolderMailSender(pickup.FullName),
            new Dictionary<string, int> { ["twice@example.org"] = 2, ["never@example.org"] = int.MaxValue });
        await using var host = await StartAsync(
            storage, TestHost.NewTaskHub(), pickup.FullName, logs: null, services => services.AddSingleton<IMailSender>(flaky));
        var template = await host.Api.CreateTemplateFromJsonAsync(TemplateJson);
        var caseId = (await host.Api.OpenCaseAsync(template.Id, "Flaky mail")).Id;
        await host.Api.WaitForStageEnteredAsync(caseId, "talk");
        var twice = await CreateLinkAsync(host.Api, caseId, "Tina Twice", "twice@example.org");
        var never = await CreateLinkAsync(host.Api, caseId, "Nate Never", "never@example.org");

        await SendAsync(host.Api, caseId, twice.Link.Id, "Hello Tina");
        await SendAsync(host.Api, caseId, never.Link.Id, "Hello Nate");
        using var anonymous = host.Anonymous();
        using (var answer = await anonymous.PostJsonAsync($"/api/portal/{never.Token}/messages", """{"text":"Did you write?"}"""))
        {
            await CaseFyClient.ExpectAsync(answer, HttpStatusCode.OK);
        }

        (await host.Api.AdvanceAsync(caseId)).Dispose();   // the next stage asks both for a document: two more mails
        var records = await WaitForRecordsAsync(host.Api, caseId, 4);

        var tina = records.Single(r => r.Data["linkId"] == twice.Link.Id && r.Data["kind"] == MailKinds.Message);
        var nate = records.Single(r => r.Data["linkId"] == never.Link.Id && r.Data["kind"] == MailKinds.Message);
        Assert.Equal(
            [(never.Link.Id, TimelineEntryTypes.NotificationMailFailed), (twice.Link.Id, TimelineEntryTypes.NotificationMailed)],
            records.Where(r => r.Data["kind"] == MailKinds.Asked).Select(r => (r.Data["linkId"], r.Type)).OrderBy(r => r.Item2, StringComparer.Ordinal));
        Assert.Equal((TimelineEntryTypes.NotificationMailed, "3"), (tina.Type, tina.Data["attempts"]));
        Assert.Equal((TimelineEntryTypes.NotificationMailFailed, "3", MailRecords.RefusedReason), (nate.Type, nate.Data["attempts"], nate.Data["reason"]));
        var tries = flaky.Tries[tina.Data["deliveryId"]].ToList();
        Assert.Equal(3, tries.Count);
        Assert.True(tries[1] - tries[0] >= TimeSpan.FromMilliseconds(240), $"first retry after {tries[1] - tries[0]}");   // 300 ms − 20 % jitter
        Assert.True(tries[2] - tries[1] >= TimeSpan.FromMilliseconds(480), $"second retry after {tries[2] - tries[1]}");  // doubled
        Assert.Equal(3, flaky.Tries[nate.Data["deliveryId"]].Count);
        Assert.All(await ReadMailsAsync(pickup.FullName), m => Assert.Equal("twice@example.org", m.To.Mailboxes.Single().Address));

        // Meanwhile the case went on, the events were published to the feed and the inbox got the party's message.
        await host.Api.WaitForStageEnteredAsync(caseId, "docs");
        var feed = await host.Api.Http.GetFromJsonAsync<JsonElement>("/api/events?pageSize=100", Ct);
        Assert.Equal(3, feed.GetProperty("items").EnumerateArray().Count(e => e.GetRawText().Contains(caseId, StringComparison.Ordinal) && e.GetProperty("type").GetString() == "casefy.case.messageSent"));
        var inbox = await host.Api.Http.GetFromJsonAsync<JsonElement>("/api/notifications", Ct);
        Assert.Contains(inbox.GetProperty("items").EnumerateArray(), n => n.GetProperty("caseId").GetString() == caseId && n.GetProperty("kind").GetString() == "outsideMessage");
        pickup.Delete(recursive: true);
    }

    [Fact]
    public async Task IntakeReceipt_IsMailedToTheSubmitterWithTheirLink()
    {
        await using var storage = await TestStorage.StartAsync(Ct);
        var pickup = Directory.CreateTempSubdirectory("casefy-mail-");
        var logs = new CapturedLogs();
        await using var host = await StartAsync(storage, TestHost.NewTaskHub(), pickup.FullName, logs);
        var slug = "mail-" + Guid.NewGuid().ToString("N")[..8];
        await host.Api.CreateTemplateFromJsonAsync($$$"""
            {"name":"Applications","stages":[{"key":"screen","name":"Screen"}],
             "fields":[{"key":"motivation","label":"Motivation","type":"longText","required":true,"filledBy":"external"}],
             "intake":{"enabled":true,"slug":"{{{slug}}}","fields":["motivation"]}}
            """);
        using var anonymous = host.Anonymous();

        using var submitted = await anonymous.PostJsonAsync($"/api/intake/{slug}", """{"name":"Jane Applicant","email":"jane@example.com","data":{"motivation":"I like cases."}}""");
        await CaseFyClient.ExpectAsync(submitted, HttpStatusCode.Created);
        var receipt = await submitted.Content.ReadFromJsonAsync<JsonElement>(Ct);

        var opened = (await host.Api.ListCasesAsync(10)).Items.Single();
        var records = await WaitForRecordsAsync(host.Api, opened.Id, 1);
        Assert.Equal((TimelineEntryTypes.NotificationMailed, MailKinds.Welcome), (records[0].Type, records[0].Data["kind"]));
        var mail = Assert.Single(await WaitForMailsAsync(pickup.FullName, 1, logs));
        Assert.Equal(("jane@example.com", "Jane Applicant"), (mail.To.Mailboxes.Single().Address, mail.To.Mailboxes.Single().Name));
        Assert.Contains(receipt.GetProperty("url").GetString()!, mail.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("We received your request", mail.Subject, StringComparison.Ordinal);
        pickup.Delete(recursive: true);
    }

    /// <summary>A host with mail into <paramref name="pickup"/>, short polls and retries, and (with <paramref name="logs"/>) every log line captured.</summary>
    internal static Task<TestHost> StartAsync(
        TestStorage storage, string hub, string pickup, CapturedLogs? logs, Action<IServiceCollection>? services = null, params string[] extraSettings)
    {
        string[] settings =
        [
            $"--Mail:PickupFolder={pickup}",
            "--Mail:PollInterval=00:00:00.050",
            "--Mail:RetryBaseDelay=00:00:00.300",
            "--Mail:MaxAttempts=3",
            "--Storage:EventFeedSettle=00:00:00.100",
            $"--Documents:MetadataSigningKey={Key}",
            .. logs is null ? Array.Empty<string>() : ["--Logging:LogLevel:Default=Trace"],
            .. extraSettings,
        ];
        return TestHost.StartAsync(
            storage.ConnectionString,
            hub,
            s =>
            {
                if (logs is not null)
                {
                    s.RemoveAll<ILoggerProvider>();
                    s.AddSingleton<ILoggerProvider>(logs);
                }

                services?.Invoke(s);
            },
            Ct,
            settings);
    }

    private static async Task<CreatedPortalLink> CreateLinkAsync(CaseFyClient api, string caseId, string name, string? email)
    {
        var emailJson = email is null ? string.Empty : $$""","email":"{{email}}" """;
        using var response = await api.PostJsonAsync($"/api/cases/{caseId}/portal-links", $$"""{"name":"{{name}}","actions":["view","upload","message"]{{emailJson}}}""");
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync(Application.Apis.ApiJsonContext.Default.CreatedPortalLink, Ct))!;
    }

    private static async Task SendAsync(CaseFyClient api, string caseId, string linkId, string text)
    {
        using var response = await api.PostJsonAsync($"/api/cases/{caseId}/messages", $$"""{"text":"{{text}}","linkId":"{{linkId}}"}""");
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.OK);
    }

    // The case's mail records once there are `count` of them, and still `count` a moment later (none twice).
    private static async Task<List<TimelineEntry>> WaitForRecordsAsync(CaseFyClient api, string caseId, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var records = (await api.GetTimelineAsync(caseId))
                .Where(e => e.Type is TimelineEntryTypes.NotificationMailed or TimelineEntryTypes.NotificationMailFailed).ToList();
            if (records.Count >= count)
            {
                await Task.Delay(500, Ct);
                var settled = (await api.GetTimelineAsync(caseId))
                    .Where(e => e.Type is TimelineEntryTypes.NotificationMailed or TimelineEntryTypes.NotificationMailFailed).ToList();
                Assert.Equal(count, settled.Count);
                return settled;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{records.Count} of {count} mail records after 60 s");
            await Task.Delay(100, Ct);
        }
    }

    internal static async Task<List<MimeMessage>> WaitForMailsAsync(string folder, int count, CapturedLogs logs)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Directory.GetFiles(folder, "*.eml").Length < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"fewer than {count} mails after 60 s; " + string.Join('\n', logs.Lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal) || l.StartsWith("Error", StringComparison.Ordinal) || l.Contains("Mail", StringComparison.Ordinal))));
            await Task.Delay(100, Ct);
        }

        return await ReadMailsAsync(folder);
    }

    internal static async Task<List<MimeMessage>> ReadMailsAsync(string folder)
    {
        var mails = new List<MimeMessage>();
        foreach (var file in Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal))
        {
            mails.Add(await MimeMessage.LoadAsync(file, Ct));
        }

        return mails;
    }
}
