using CaseFy.Application.Access;
using CaseFy.Functions.Mail;
using CaseFy.LocalHost.Identity;
using CaseFy.Model.Mail;
using CaseFy.Model.Notifications;
using CaseFy.Model.Ports;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CaseFy.FunctionsTests;

/// <summary>The Functions app's <c>DeliverMail</c> timer queues the team's due daily digests and sends them (a Flex Consumption app has no other loop it can count on).</summary>
public sealed class MailTimerTests(FunctionsAppFixture hosts) : IClassFixture<FunctionsAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DeliverMailTimer_ADigestIsDue_QueuesAndSendsItOnce()
    {
        // The setting chosen through the Functions app's own dispatch, with a token that carries an address.
        var token = (await hosts.Local.SignInWithEmailAsync("Tim Timer", "tim@example.org", CaseFyRoles.Member)).Http.DefaultRequestHeaders.Authorization!.Parameter;
        using (var chosen = await hosts.Client(hosts.FunctionsAddress, token).PutAsync(
            new Uri("/api/me/mail", UriKind.Relative), new StringContent("""{"delivery":"dailyDigest"}""", System.Text.Encoding.UTF8, "application/json"), Ct))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, chosen.StatusCode);
        }

        var tim = DevIssuer.ObjectIdFor("Tim Timer");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var lastNight = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)).AddHours(-1);
        var caseId = Guid.NewGuid().ToString("N");
        await hosts.Functions.Services.GetRequiredService<INotificationStore>().AddAsync(
            [(tim, new Notification($"{NotificationRules.KeyPrefixOf(lastNight)}-{caseId}-1", NotificationKinds.Mentioned, caseId, "Timer case", $"{caseId}-1", lastNight, "Ana", "see you", Read: false))],
            Ct);
        var timer = new MailFunction(hosts.Functions);

        await timer.RunAsync(new TimerInfo(), Ct);
        await timer.RunAsync(new TimerInfo(), Ct);

        var file = Path.Combine(hosts.MailPickup, TeamMailRules.DigestId(tim, today) + ".eml");
        for (var waited = 0; !File.Exists(file) && waited < 100; waited++)
        {
            await Task.Delay(100, Ct);   // the app's own loop may have claimed it between the timer's rounds
        }

        var mail = await MimeMessage.LoadAsync(file, Ct);
        Assert.Equal("tim@example.org", mail.To.Mailboxes.Single().Address);
        Assert.Equal([Path.GetFileName(file)], Directory.GetFiles(hosts.MailPickup, "*.eml").Select(Path.GetFileName));
    }
}
