using CaseFy.Model.Mail;
using CaseFy.Model.Notifications;
using CaseFy.Model.Ports;
using Microsoft.Extensions.Options;

namespace CaseFy.Application.Mail;

/// <summary>
/// Queues a mail for each new notification whose person chose immediate mail (and has an address): called by the
/// inbox feeder with the notifications it just wrote. The delivery id is derived from the notification id and the
/// person, so a batch handled again adds nothing twice. Notifications of entries older than a day are not mailed.
/// </summary>
public sealed class ImmediateTeamMail(ITeamMailSettings settings, IMailOutbox outbox, IOptions<MailOptions> options, TimeProvider time)
{
    public async Task QueueAsync(IReadOnlyList<(string PersonId, Notification Notification)> notifications, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        if (!options.Value.IsEnabled || notifications.Count == 0)
        {
            return;
        }

        var oldest = time.GetUtcNow() - MailOutboxFeeder.MaxEntryAge;
        var deliveries = new List<MailDelivery>();
        foreach (var person in notifications.Where(n => n.Notification.At >= oldest).GroupBy(n => n.PersonId, StringComparer.Ordinal))
        {
            if (await settings.GetAsync(person.Key, cancellationToken) is { Delivery: TeamMailDeliveries.Immediate, Address: not null })
            {
                deliveries.AddRange(person.Select(n => TeamMailRules.Immediate(n.PersonId, n.Notification)));
            }
        }

        await outbox.AddAsync(deliveries, cancellationToken);
    }
}
