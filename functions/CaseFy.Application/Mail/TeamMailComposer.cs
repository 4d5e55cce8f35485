using System.Globalization;
using System.Text;
using CaseFy.Model.Notifications;
using MimeKit;

namespace CaseFy.Application.Mail;

/// <summary>
/// Writes a team member's mail: one notification (immediate) or a day's list of them (digest), each with what happened
/// and a link to the case's page in the team portal (the person signs in there; no token travels in the mail). A
/// notification the person may no longer read arrives without its case title and text, as in their inbox.
/// </summary>
public static class TeamMailComposer
{
    /// <summary>The team portal's page of a case.</summary>
    public static string CaseUrl(string origin, string caseId)
    {
        ArgumentNullException.ThrowIfNull(origin);
        return $"{origin.TrimEnd('/')}/#/cases/{Uri.EscapeDataString(caseId)}";
    }

    /// <summary>The team portal's notifications page (where the mail setting is changed).</summary>
    public static string InboxUrl(string origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        return $"{origin.TrimEnd('/')}/#/notifications";
    }

    /// <summary>What a notification of <paramref name="kind"/> says happened, in a few words.</summary>
    public static string WhatHappened(string kind) => kind switch
    {
        NotificationKinds.TaskAssigned => "A task was assigned to you",
        NotificationKinds.TaskOverdue => "Your task is overdue",
        NotificationKinds.TaskDueSoon => "Your task is due soon",
        NotificationKinds.CaseHandedOver => "A case was handed to you",
        NotificationKinds.OutsideUpload => "The outside party uploaded a document",
        NotificationKinds.OutsideAnswer => "The outside party answered",
        NotificationKinds.OutsideMessage => "The outside party sent a message",
        NotificationKinds.SlaBreached => "A stage of your case is past its SLA",
        NotificationKinds.SlaDueSoon => "A stage of your case is nearly at its SLA",
        NotificationKinds.Mentioned => "You were mentioned in a comment",
        _ => "Something happened on a case",
    };

    /// <summary>The mail of one notification (without From and To).</summary>
    public static MimeMessage Immediate(Notification notification, string origin)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var what = WhatHappened(notification.Kind);
        var body = new StringBuilder()
            .AppendLine("Hello,")
            .AppendLine()
            .Append(Describe(notification, origin))
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"You get this mail because you chose immediate mail for your CaseFy notifications; change it on {InboxUrl(origin)}");
        return new MimeMessage
        {
            Subject = notification.CaseTitle is { } title ? $"{what}: {title}" : what,
            Body = new TextPart("plain") { Text = body.ToString() },
        };
    }

    /// <summary>The digest of <paramref name="notifications"/> (newest first; at most <paramref name="max"/> are listed).</summary>
    public static MimeMessage Digest(IReadOnlyList<Notification> notifications, DateTimeOffset since, string origin, int max)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        var count = notifications.Count > max ? $"more than {max}" : notifications.Count.ToString(CultureInfo.InvariantCulture);
        var body = new StringBuilder()
            .AppendLine("Hello,")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Your CaseFy notifications since {Format(since)}, newest first:")
            .AppendLine();
        foreach (var notification in notifications.Take(max))
        {
            body.Append(Describe(notification, origin)).AppendLine();
        }

        if (notifications.Count > max)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"…and more: see them all on {InboxUrl(origin)}").AppendLine();
        }

        body.AppendLine(CultureInfo.InvariantCulture, $"You get this mail because you chose a daily digest of your CaseFy notifications; change it on {InboxUrl(origin)}");
        return new MimeMessage
        {
            Subject = $"Your CaseFy notifications: {count} since {Format(since)}",
            Body = new TextPart("plain") { Text = body.ToString() },
        };
    }

    // One notification: what, by whom, when; the case and the text when the person may read them; the case's link.
    private static string Describe(Notification notification, string origin)
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{WhatHappened(notification.Kind)} (by {notification.ActorName}, {Format(notification.At)}).");
        if (notification.CaseTitle is { } title)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Case: {title}");
        }

        if (notification.Text is { Length: > 0 } detail)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"\"{detail}\"");
        }

        return text.AppendLine(CaseUrl(origin, notification.CaseId)).ToString();
    }

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
