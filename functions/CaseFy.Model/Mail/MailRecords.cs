using System.Globalization;
using CaseFy.Model.Cases;
using CaseFy.Model.Timeline;

namespace CaseFy.Model.Mail;

/// <summary>
/// Puts a delivery's outcome on the case's timeline: <c>NotificationMailed</c> or <c>NotificationMailFailed</c>, naming
/// the delivery, its kind and the link's party by name; never an address, a token or a link.
/// </summary>
public static class MailRecords
{
    /// <summary>The service refused the message or kept failing until the last attempt.</summary>
    public const string RefusedReason = "refused";

    /// <summary>The link was revoked, expired, removed or lost its address before the mail went out.</summary>
    public const string LinkInactiveReason = "linkInactive";

    /// <summary>The link's token cannot be made again from the app's key (a link made before tokens were derived, or the key changed).</summary>
    public const string LinkNotDerivableReason = "linkNotDerivable";

    /// <summary>No portal origin is configured, so no link URL can be written.</summary>
    public const string NoPortalOriginReason = "noPortalOrigin";

    /// <summary>Whether <paramref name="entry"/> records the outcome of delivery <paramref name="deliveryId"/>.</summary>
    public static bool Records(TimelineEntry entry, string deliveryId)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Type is TimelineEntryTypes.NotificationMailed or TimelineEntryTypes.NotificationMailFailed
            && entry.Data.GetValueOrDefault("deliveryId") == deliveryId;
    }

    /// <summary>Appends the outcome of <paramref name="delivery"/>.</summary>
    public static CaseChange Record(CaseRecord current, MailDelivery delivery, MailOutcome outcome, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(outcome);
        var data = new Dictionary<string, string>
        {
            ["deliveryId"] = delivery.Id,
            ["kind"] = delivery.Kind,
            ["linkId"] = delivery.LinkId,
            ["recipient"] = current.PortalLinks.FirstOrDefault(l => l.Id == delivery.LinkId)?.Name ?? string.Empty,
            ["attempts"] = outcome.Attempts.ToString(CultureInfo.InvariantCulture),
        };
        if (outcome.Reason is { } reason)
        {
            data["reason"] = reason;
        }

        return new TimelineWriter(current, now)
            .Append(outcome.Mailed ? TimelineEntryTypes.NotificationMailed : TimelineEntryTypes.NotificationMailFailed, Actor.System, data)
            .ToChange();
    }
}
