using CaseFy.Model.Mail;
using CaseFy.Model.Ports;
using Microsoft.Extensions.Options;

namespace CaseFy.Application.Mail;

/// <summary>
/// Queues each person's daily digest once it is due (<see cref="TeamMailRules.DigestDue"/>): for everyone whose
/// setting is dailyDigest and who has an address, the period's notifications (and the late ones no digest holds yet,
/// <see cref="TeamMailRules.DigestReachBack"/>) are marked as the digest's, then a delivery with the id person+day is
/// queued when the digest holds at least one (none: nothing is sent), then the day is marked done on the person's row. The dispatcher's loop runs it
/// every <see cref="MailOptions.DigestCheckInterval"/>, the Functions app's <c>DeliverMail</c> timer every minute.
/// Several instances, or a crash between queueing and marking, derive the same delivery (the period's end is the
/// day's digest hour, not the moment it runs): the outbox adds it once, and a repeat is the same mail for the sender.
/// The mail lists what is marked as the digest's, so a notification that arrives after this run goes to the next one;
/// once the mail is written the digest is sealed (<see cref="INotificationStore.SealDigestAsync"/>), so a second instance
/// running late marks nothing more into it and queues nothing: what arrived meanwhile goes to the next digest.
/// </summary>
public sealed class TeamDigestScheduler(ITeamMailSettings settings, INotificationStore inbox, IMailOutbox outbox, IOptions<MailOptions> options)
{
    /// <summary>Queues the digests due at <paramref name="now"/>.</summary>
    /// <returns>How many digests were queued.</returns>
    public async Task<int> ScheduleAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!options.Value.IsEnabled)
        {
            return 0;
        }

        var queued = 0;
        foreach (var setting in await settings.ListAsync(TeamMailDeliveries.DailyDigest, cancellationToken))
        {
            if (setting.Address is null || TeamMailRules.DigestDue(setting, now, options.Value.DigestHourUtc) is not { } period)
            {
                continue;
            }

            var digestId = TeamMailRules.DigestId(setting.PersonId, period.Day);
            var reachBack = TeamMailRules.DigestReachBack(setting, period);
            if (await inbox.TakeIntoDigestAsync(setting.PersonId, digestId, reachBack, period.Since, period.Until, cancellationToken) > 0)
            {
                await outbox.AddAsync([TeamMailRules.Digest(setting.PersonId, period.Day, period.Since, period.Until)], cancellationToken);
                queued++;
            }

            await settings.MarkDigestedAsync(setting.PersonId, TeamMailRules.DayText(period.Day), period.Until, cancellationToken);
        }

        return queued;
    }
}
