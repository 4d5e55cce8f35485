using System.Globalization;
using CaseFy.Model.Cases;
using CaseFy.Model.Portal;
using CaseFy.Model.Timeline;

namespace CaseFy.Model.Notifications;

/// <summary>
/// Who is notified of a timeline entry, and with what. A person is never notified of what they did themselves. The
/// people "on" a case (told of the outside party's uploads, answers and messages) are its owner and everyone with an open task
/// on it, as the case stands when the entry is handled.
/// </summary>
public static class NotificationRules
{
    /// <summary>The longest <see cref="Notification.Text"/> (a comment is cut there).</summary>
    public const int MaxTextLength = 200;

    /// <summary>The entry types that may notify someone: the outbox keeps a case due for them as for lifecycle entries.</summary>
    public static IReadOnlySet<string> EntryTypes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        TimelineEntryTypes.TaskCreated,
        TimelineEntryTypes.TaskAssigned,
        TimelineEntryTypes.TaskOverdue,
        TimelineEntryTypes.TaskDueSoon,
        TimelineEntryTypes.OwnerChanged,
        TimelineEntryTypes.DocumentUploaded,
        TimelineEntryTypes.FieldsChanged,
        TimelineEntryTypes.SlaBreached,
        TimelineEntryTypes.SlaDueSoon,
        TimelineEntryTypes.CommentAdded,
        TimelineEntryTypes.MessageSent,
    };

    /// <summary>The notifications <paramref name="entry"/> gives, by recipient id, on <paramref name="current"/> (the case now).</summary>
    public static IReadOnlyList<(string PersonId, Notification Notification)> For(TimelineEntry entry, CaseRecord current)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(current);
        var data = entry.Data;
        var outside = PortalLink.IsLinkActor(entry.Actor);
        var (kind, recipients, text) = entry.Type switch
        {
            TimelineEntryTypes.TaskCreated or TimelineEntryTypes.TaskAssigned when data.TryGetValue("assigneeId", out var assignee) =>
                (NotificationKinds.TaskAssigned, [assignee], data.GetValueOrDefault("title")),
            TimelineEntryTypes.TaskOverdue or TimelineEntryTypes.TaskDueSoon
                when current.Tasks.FirstOrDefault(t => t.Id == data.GetValueOrDefault("taskId"))?.Assignee is { } assignee =>
                (entry.Type == TimelineEntryTypes.TaskOverdue ? NotificationKinds.TaskOverdue : NotificationKinds.TaskDueSoon, [assignee.Id], data.GetValueOrDefault("title")),
            TimelineEntryTypes.OwnerChanged when data.TryGetValue("ownerId", out var owner) =>
                (NotificationKinds.CaseHandedOver, [owner], data.GetValueOrDefault("previousOwnerName")),
            // A message's attachment is told by the message's own notification, not a second one.
            TimelineEntryTypes.DocumentUploaded when outside && !PortalMessages.IsOwnAttachment(entry.Actor, data.GetValueOrDefault("documentId")) =>
                (NotificationKinds.OutsideUpload, PeopleOn(current), data.GetValueOrDefault("fileName")),
            TimelineEntryTypes.FieldsChanged when outside =>
                (NotificationKinds.OutsideAnswer, PeopleOn(current), data.GetValueOrDefault("fields")),
            TimelineEntryTypes.MessageSent when outside =>
                (NotificationKinds.OutsideMessage, PeopleOn(current), data.GetValueOrDefault("text") is { Length: > 0 } said ? said : data.GetValueOrDefault("attachmentName")),
            TimelineEntryTypes.SlaBreached or TimelineEntryTypes.SlaDueSoon =>
                (entry.Type == TimelineEntryTypes.SlaBreached ? NotificationKinds.SlaBreached : NotificationKinds.SlaDueSoon,
                    [CaseListing.OwnerId(current)], data.GetValueOrDefault("stageName")),
            TimelineEntryTypes.CommentAdded when data.GetValueOrDefault("text") is { } comment =>
                (NotificationKinds.Mentioned, Mentions.Find(comment, current.Participants), comment),
            _ => (string.Empty, (IReadOnlyList<string>)[], null),
        };

        if (kind.Length == 0)
        {
            return [];
        }

        var notification = new Notification(
            IdOf(entry), kind, current.Id, current.Title, entry.Id, entry.At, entry.Actor.Name, Cut(text), Read: false);
        return [.. recipients.Where(id => id != entry.Actor.Id).Distinct(StringComparer.Ordinal).Select(id => (id, notification))];
    }

    /// <summary>The notification id of an entry: the same for every recipient and every retry, newest first in key order.</summary>
    public static string IdOf(TimelineEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return $"{KeyPrefixOf(entry.At)}-{entry.Id}";
    }

    /// <summary>The first 19 characters of the ids of notifications of entries at <paramref name="at"/>: later instants sort first.</summary>
    public static string KeyPrefixOf(DateTimeOffset at)
    {
        var inverted = DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks;
        return inverted.ToString("D19", CultureInfo.InvariantCulture);
    }

    private static IReadOnlyList<string> PeopleOn(CaseRecord current) =>
    [
        CaseListing.OwnerId(current),
        .. current.Tasks.Where(t => t.Status == CaseTaskStatus.Open && t.Assignee is not null).Select(t => t.Assignee!.Id),
    ];

    private static string? Cut(string? text) => text is { Length: > MaxTextLength } ? text[..MaxTextLength] : text;
}
