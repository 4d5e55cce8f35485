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
/// Daily digests through real hosts and Azurite into a real pickup folder, each send counted: one mail per person per
/// UTC day from the digest hour, with the notifications since the previous digest, none when there is nothing new, and
/// one send however many instances and rounds schedule it. The scheduler is driven with explicit instants (the loop's
/// own look is a day away there), and once by the host's own loop.
/// </summary>
public sealed class TeamDigestTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Digest_OverThreeDaysOnTwoInstances_OneMailPerPersonPerDayWithThatPeriodsNotifications()
    {
        await using var storage = await TestStorage.StartAsync(Ct);
        var pickup = Directory.CreateTempSubdirectory("casefy-digest-");
        string[] quiet = ["--Mail:DigestHourUtc=7", "--Mail:DigestCheckInterval=1.00:00:00"];
        var (senderA, senderB) = (Counting(pickup), Counting(pickup));
        await using var a = await MailDeliveryTests.StartAsync(storage, TestHost.NewTaskHub(), pickup.FullName, null, s => s.AddSingleton<IMailSender>(senderA), quiet);
        await using var b = await MailDeliveryTests.StartAsync(storage, TestHost.NewTaskHub(), pickup.FullName, null, s => s.AddSingleton<IMailSender>(senderB), quiet);
        var caseId = await TeamMailDeliveryTests.CaseWithPeopleAsync(a, "Dana Digest");
        await TeamMailDeliveryTests.ChooseAsync(a, "Dana Digest", "dana@example.org", TeamMailDeliveries.DailyDigest);
        await TeamMailDeliveryTests.ChooseAsync(a, "Dave Offcase", "dave@example.org", TeamMailDeliveries.DailyDigest);
        await TeamMailDeliveryTests.ChooseAsync(a, "Eve Quiet", "eve@example.org", TeamMailDeliveries.DailyDigest);
        await TeamMailDeliveryTests.ChooseAsync(a, "Ivy Immediate", "ivy@example.org", TeamMailDeliveries.Immediate);
        var (dana, dave, ivy) = (DevIssuer.ObjectIdFor("Dana Digest"), DevIssuer.ObjectIdFor("Dave Offcase"), DevIssuer.ObjectIdFor("Ivy Immediate"));
        await AddAsync(a, dana, caseId, 1, At(1, 3), "first night");
        await AddAsync(a, dana, caseId, 2, At(1, 9), "next morning");
        await AddAsync(a, dana, caseId, 3, At(2, 5), "second night");
        await AddAsync(a, dave, caseId, 4, At(1, 4), "not for dave's eyes");
        await AddAsync(a, ivy, caseId, 5, At(1, 5), "ivy gets no digest");
        var (onA, onB) = (a.Services.GetRequiredService<TeamDigestScheduler>(), b.Services.GetRequiredService<TeamDigestScheduler>());

        // Day 1: nothing before 07:00; from then one digest each for Dana and Dave, whoever schedules it, however often.
        Assert.Equal(0, await onA.ScheduleAsync(At(1, 6).AddMinutes(59), Ct));
        var day1 = await Task.WhenAll(onA.ScheduleAsync(At(1, 7), Ct), onB.ScheduleAsync(At(1, 7).AddSeconds(1), Ct));
        Assert.Equal(0, await onB.ScheduleAsync(At(1, 8), Ct));
        await MailDeliveryTests.WaitForMailsAsync(pickup.FullName, 2, new CapturedLogs());

        // Day 2: Dana's notifications since day 1's digest; nothing new for Dave. Day 3: nothing new for anyone.
        Assert.Equal(1, await onB.ScheduleAsync(At(2, 7).AddMinutes(30), Ct) + await onA.ScheduleAsync(At(2, 7).AddMinutes(31), Ct));
        var all = await MailDeliveryTests.WaitForMailsAsync(pickup.FullName, 3, new CapturedLogs());
        Assert.Equal(0, await onA.ScheduleAsync(At(3, 7), Ct) + await onB.ScheduleAsync(At(3, 7), Ct));
        await Task.Delay(1000, Ct);   // room for a wrong extra send to show up

        Assert.True(day1.Sum() >= 2, $"day 1 queued {day1.Sum()}");   // both instances may queue the same two: they add once
        var sends = senderA.Tries.Concat(senderB.Tries).GroupBy(t => t.Key).ToDictionary(g => g.Key, g => g.Sum(t => t.Value.Count));
        Assert.Equal(
            new Dictionary<string, int> { [Id(dana, 1)] = 1, [Id(dave, 1)] = 1, [Id(dana, 2)] = 1 }.OrderBy(p => p.Key, StringComparer.Ordinal),
            sends.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(3, all.Count);
        var danaDay1 = Mail(pickup, Id(dana, 1));
        var daveDay1 = Mail(pickup, Id(dave, 1));
        var danaDay2 = Mail(pickup, Id(dana, 2));
        Assert.Equal(("dana@example.org", "dave@example.org", "dana@example.org"),
            (danaDay1.To.Mailboxes.Single().Address, daveDay1.To.Mailboxes.Single().Address, danaDay2.To.Mailboxes.Single().Address));
        Assert.Contains("first night", danaDay1.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("next morning", danaDay1.TextBody, StringComparison.Ordinal);
        Assert.Contains("Case: Team case", danaDay1.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/#/cases/{caseId}", danaDay1.TextBody, StringComparison.Ordinal);
        Assert.Equal(["next morning", "second night"], new[] { "first night", "next morning", "second night" }.Where(t => danaDay2.TextBody!.Contains(t, StringComparison.Ordinal)));
        Assert.StartsWith("Your CaseFy notifications: 2 since", danaDay2.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("not for dave's eyes", daveDay1.TextBody, StringComparison.Ordinal);   // Dave is not on the case
        Assert.DoesNotContain("Team case", daveDay1.TextBody, StringComparison.Ordinal);
        pickup.Delete(recursive: true);
    }

    [Fact]
    public async Task Digest_ANotificationReachingTheInboxAfterItsDaysDigestWasQueued_IsInTheNextDaysOnce()
    {
        await using var storage = await TestStorage.StartAsync(Ct);
        var pickup = Directory.CreateTempSubdirectory("casefy-digest-");
        string[] quiet = ["--Mail:DigestHourUtc=7", "--Mail:DigestCheckInterval=1.00:00:00"];
        await using var a = await MailDeliveryTests.StartAsync(storage, TestHost.NewTaskHub(), pickup.FullName, null, null, quiet);
        await using var b = await MailDeliveryTests.StartAsync(storage, TestHost.NewTaskHub(), pickup.FullName, null, null, quiet);
        var caseId = await TeamMailDeliveryTests.CaseWithPeopleAsync(a, "Lena Late");
        await TeamMailDeliveryTests.ChooseAsync(a, "Lena Late", "lena@example.org", TeamMailDeliveries.DailyDigest);
        var lena = DevIssuer.ObjectIdFor("Lena Late");
        var (onA, onB) = (a.Services.GetRequiredService<TeamDigestScheduler>(), b.Services.GetRequiredService<TeamDigestScheduler>());
        await AddAsync(a, lena, caseId, 1, At(1, 5), "in time");

        Assert.Equal(1, await onA.ScheduleAsync(At(1, 7).AddSeconds(5), Ct));
        // Its entry is a minute before day 1's digest hour, but the feeder writes it only now that day 1's is queued.
        await AddAsync(a, lena, caseId, 2, At(1, 7).AddMinutes(-1), "just before the hour");
        await MailDeliveryTests.WaitForMailsAsync(pickup.FullName, 1, new CapturedLogs());
        var day2 = await Task.WhenAll(onA.ScheduleAsync(At(2, 7), Ct), onB.ScheduleAsync(At(2, 7).AddSeconds(1), Ct));
        var mails = await MailDeliveryTests.WaitForMailsAsync(pickup.FullName, 2, new CapturedLogs());
        Assert.Equal(0, await onA.ScheduleAsync(At(3, 7), Ct) + await onB.ScheduleAsync(At(3, 7), Ct));
        await Task.Delay(1000, Ct);   // room for a wrong third mail to show up

        Assert.True(day2.Sum() >= 1, $"day 2 queued {day2.Sum()}");
        Assert.Equal([Id(lena, 1) + ".eml", Id(lena, 2) + ".eml"], Directory.GetFiles(pickup.FullName, "*.eml").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(2, mails.Count);
        var (first, second) = (Mail(pickup, Id(lena, 1)).TextBody!, Mail(pickup, Id(lena, 2)).TextBody!);
        Assert.Contains("in time", first, StringComparison.Ordinal);
        Assert.DoesNotContain("just before the hour", first, StringComparison.Ordinal);
        Assert.Contains("just before the hour", second, StringComparison.Ordinal);
        Assert.DoesNotContain("in time", second, StringComparison.Ordinal);
        pickup.Delete(recursive: true);
    }

    [Fact]
    public async Task Digest_TheHostsOwnLoops_SendYesterdaysOnceFromTwoInstances()
    {
        await using var storage = await TestStorage.StartAsync(Ct);
        var pickup = Directory.CreateTempSubdirectory("casefy-digest-");
        string[] looping = ["--Mail:DigestHourUtc=0", "--Mail:DigestCheckInterval=00:00:00.100"];
        var (senderA, senderB) = (Counting(pickup), Counting(pickup));
        var logs = new CapturedLogs();
        await using var a = await MailDeliveryTests.StartAsync(storage, TestHost.NewTaskHub(), pickup.FullName, logs, s => s.AddSingleton<IMailSender>(senderA), looping);
        var caseId = await TeamMailDeliveryTests.CaseWithPeopleAsync(a, "Lou Loop");
        var lou = DevIssuer.ObjectIdFor("Lou Loop");
        var midnight = new DateTimeOffset(Today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        await AddAsync(a, lou, caseId, 1, midnight.AddHours(-1), "late last night");
        await TeamMailDeliveryTests.ChooseAsync(a, "Lou Loop", "lou@example.org", TeamMailDeliveries.DailyDigest);
        await using var b = await MailDeliveryTests.StartAsync(storage, TestHost.NewTaskHub(), pickup.FullName, logs, s => s.AddSingleton<IMailSender>(senderB), looping);

        var mail = Assert.Single(await MailDeliveryTests.WaitForMailsAsync(pickup.FullName, 1, logs));
        await Task.Delay(1500, Ct);   // both loops look ~15 times more

        Assert.Equal("lou@example.org", mail.To.Mailboxes.Single().Address);
        Assert.Contains("late last night", mail.TextBody, StringComparison.Ordinal);
        var id = TeamMailRules.DigestId(lou, Today);
        Assert.Equal(1, (senderA.Tries.GetValueOrDefault(id)?.Count ?? 0) + (senderB.Tries.GetValueOrDefault(id)?.Count ?? 0));
        Assert.Equal([id + ".eml"], Directory.GetFiles(pickup.FullName, "*.eml").Select(Path.GetFileName));
        Assert.Contains(logs.Lines, l => l.Contains($"Team mail {id} (digest) was sent", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("lou@example.org", StringComparison.Ordinal));
        pickup.Delete(recursive: true);
    }

    private static DateTimeOffset At(int daysFromToday, int hourUtc) =>
        new(Today.AddDays(daysFromToday).ToDateTime(new TimeOnly(hourUtc, 0), DateTimeKind.Utc));

    private static string Id(string personId, int daysFromToday) => TeamMailRules.DigestId(personId, Today.AddDays(daysFromToday));

    private static MimeMessage Mail(DirectoryInfo pickup, string deliveryId) => MimeMessage.Load(Path.Combine(pickup.FullName, deliveryId + ".eml"));

    private static FlakyMailSender Counting(DirectoryInfo pickup) => new(new PickupFolderMailSender(pickup.FullName), new Dictionary<string, int>());

    // A notification in the person's inbox as the feeder writes them, at a chosen instant (the digest's periods are days).
    private static Task AddAsync(TestHost host, string personId, string caseId, long seq, DateTimeOffset at, string text) =>
        host.Services.GetRequiredService<INotificationStore>().AddAsync(
            [(personId, new Notification($"{NotificationRules.KeyPrefixOf(at)}-{caseId}-{seq}", NotificationKinds.Mentioned, caseId, "Team case", $"{caseId}-{seq}", at, TestHost.AdminName, text, Read: false))],
            Ct);
}
