using CaseFy.Application.Notifications;
using CaseFy.Application.Portal;
using CaseFy.Model.Mail;
using CaseFy.Model.Notifications;
using CaseFy.Model.Ports;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CaseFy.Application.Mail;

/// <summary>
/// Prepares a team member's mail when it goes out: their setting must still ask for it and hold an address, the
/// notifications are read from their inbox, and a case's title and text are left out unless the person is still a
/// participant of the case (the mailer has no token, so no app role: being on the case is what it checks).
/// </summary>
public sealed class TeamMailWriter(ITeamMailSettings settings, INotificationStore inbox, ICaseStore cases, IOptions<PortalOptions> portal)
{
    /// <summary>The most notifications one digest lists; the rest are on the notifications page.</summary>
    public const int MaxDigestItems = 100;

    public async Task<TeamMailDraft> WriteAsync(MailDelivery delivery, MailboxAddress sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var team = delivery.Team ?? throw new ArgumentException("Not a team member's mail.", nameof(delivery));
        var digest = delivery.Kind == MailKinds.TeamDigest;
        var wanted = digest ? TeamMailDeliveries.DailyDigest : TeamMailDeliveries.Immediate;
        if (await settings.GetAsync(team.PersonId, cancellationToken) is not { Address: { } address } setting || setting.Delivery != wanted)
        {
            return new(null, TeamMailRules.NotWantedReason);
        }

        if (portal.Value.Origin is not { Length: > 0 } origin)
        {
            return new(null, MailRecords.NoPortalOriginReason);
        }

        if (digest)
        {
            // Sealed before it is read: a scheduler that runs now puts what arrived meanwhile into the next digest.
            await inbox.SealDigestAsync(team.PersonId, delivery.Id, cancellationToken);
        }

        IReadOnlyList<Notification> notifications = digest
            ? await inbox.ListDigestAsync(team.PersonId, delivery.Id, team.Until!.Value - TeamMailRules.MaxDigestPeriod, MaxDigestItems + 1, cancellationToken)
            : await inbox.GetAsync(team.PersonId, team.NotificationId!, cancellationToken) is { } one ? [one] : [];
        if (notifications.Count == 0)
        {
            return new(null, TeamMailRules.NotificationGoneReason);
        }

        var shown = await NotificationRedaction.ApplyAsync(
            notifications, record => record is not null && record.Participants.Any(p => p.Id == team.PersonId), cases, cancellationToken);
        var message = digest
            ? TeamMailComposer.Digest(shown, team.Since!.Value, origin, MaxDigestItems)
            : TeamMailComposer.Immediate(shown[0], origin);
        message.From.Add(sender);
        message.To.Add(new MailboxAddress(string.Empty, address));
        return new(message, null);
    }
}
