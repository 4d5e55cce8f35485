using System.Globalization;
using CaseFy.Model.Cases;
using CaseFy.Model.Templates;
using CaseFy.Model.Timeline;

namespace CaseFy.Model.Portal;

/// <summary>
/// Two-way messages between the team and the outside party of a portal link. Each link is its own conversation: a
/// message is one <c>MessageSent</c> entry naming its link, so the outside party reads only their link's messages and
/// the team reads every link's. Messages live on the timeline only, so they add nothing to the case's row. A message
/// may carry a file: a version of the conversation's own ad-hoc document (<see cref="AttachmentKey"/>), recorded in the
/// same change as the message, so there is never a message without its file or a file without its message.
/// </summary>
public static class PortalMessages
{
    /// <summary>The longest message, in characters.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>The missing item (<see cref="CaseItemMissingException"/>) when the team writes to a link the case does not have.</summary>
    public const string LinkItem = "portal link";

    /// <summary>A team member writes to the outside party of link <paramref name="linkId"/>.</summary>
    /// <exception cref="CaseItemMissingException">The case has no such link.</exception>
    /// <exception cref="CaseRuleException">The case is closed, or the link is revoked, expired or does not take messages.</exception>
    public static CaseChange FromTeam(CaseRecord current, string linkId, string text, Actor actor, DateTimeOffset now, MessageAttachment? attachment = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        var link = current.PortalLinks.FirstOrDefault(l => l.Id == linkId) ?? throw new CaseItemMissingException(LinkItem);
        return Send(current, link, MessageDirections.ToExternal, text, actor, now, attachment);
    }

    /// <summary>The outside party of link <paramref name="linkId"/> writes to the team.</summary>
    /// <exception cref="CaseItemMissingException">The case has no such link.</exception>
    /// <exception cref="CaseRuleException">The case is closed, or the link is revoked, expired or does not take messages.</exception>
    public static CaseChange FromExternal(CaseRecord current, string linkId, string text, DateTimeOffset now, MessageAttachment? attachment = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        var link = current.PortalLinks.FirstOrDefault(l => l.Id == linkId) ?? throw new CaseItemMissingException(LinkItem);
        return Send(current, link, MessageDirections.FromExternal, text, link.AsActor(), now, attachment);
    }

    /// <summary>The ad-hoc document that holds the attachments of link <paramref name="linkId"/>'s conversation, one version each.</summary>
    public static string AttachmentKey(string linkId) => "msg-" + linkId;

    /// <summary>Whether <paramref name="actor"/>'s upload to document <paramref name="key"/> is an attachment of its own conversation.</summary>
    public static bool IsOwnAttachment(Actor actor, string? key) =>
        PortalLink.IsLinkActor(actor) && key == AttachmentKey(actor.Id[PortalLink.ActorIdPrefix.Length..]);

    /// <summary>
    /// Records <paramref name="file"/> (a version of <see cref="AttachmentKey"/>, uploaded by <paramref name="uploader"/>)
    /// and the message <paramref name="send"/> makes with it, as one change; either rule's refusal refuses both.
    /// </summary>
    /// <exception cref="CaseRuleException">The upload or the message was refused.</exception>
    public static CaseChange WithAttachment(
        CaseRecord current, CaseTemplate template, UploadedFile file, Actor uploader, DateTimeOffset now, Func<CaseRecord, MessageAttachment, CaseChange> send)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(send);
        var uploaded = DocumentRules.RecordUpload(current, template, file, uploader, now)
            ?? throw new CaseRuleException("This file is recorded already: send the message again with the file.");
        var version = uploaded.Case.Documents.Single(d => d.Key == file.Key).Versions[^1];
        var sent = send(uploaded.Case, new MessageAttachment(file.Key, version.Version, file.FileName, file.ContentType, file.Size));
        return new CaseChange(sent.Case, [.. uploaded.Entries, .. sent.Entries]);
    }

    /// <summary>The message an entry carries, when it is a message of link <paramref name="linkId"/> (any link when null).</summary>
    public static PortalMessage? Read(TimelineEntry entry, string? linkId = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Type != TimelineEntryTypes.MessageSent
            || !entry.Data.TryGetValue("linkId", out var link) || (linkId is not null && link != linkId))
        {
            return null;
        }

        var data = entry.Data;
        return new PortalMessage(
            entry.Seq, link, data.GetValueOrDefault("direction") ?? string.Empty, entry.At, entry.Actor.Name,
            data.GetValueOrDefault("text") ?? string.Empty)
        {
            Attachment = data.TryGetValue("attachmentKey", out var key)
                ? new MessageAttachment(
                    key,
                    int.Parse(data["attachmentVersion"], CultureInfo.InvariantCulture),
                    data["attachmentName"],
                    data["attachmentType"],
                    long.Parse(data["attachmentSize"], CultureInfo.InvariantCulture))
                : null,
        };
    }

    private static CaseChange Send(
        CaseRecord current, PortalLink link, string direction, string text, Actor actor, DateTimeOffset now, MessageAttachment? attachment)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (current.Status != CaseStatus.Open)
        {
            throw new CaseRuleException("The case is closed: its conversations take no new messages.");
        }

        if (!link.IsActiveAt(now))
        {
            throw new CaseRuleException("The portal link is revoked or expired: its party can no longer read or send messages.");
        }

        if (!link.Actions.Contains(PortalAction.Message))
        {
            throw new CaseRuleException("The portal link does not allow messages: give the party a link with the message action.");
        }

        // A file may go alone: it says what it is; without one, a message needs words.
        var trimmed = text.Trim();
        if (trimmed.Length > MaxTextLength || (trimmed.Length == 0 && attachment is null))
        {
            throw new ArgumentException($"A message has 1 to {MaxTextLength} characters, or a file and at most {MaxTextLength}.", nameof(text));
        }

        if (attachment is not null && attachment.DocumentKey != AttachmentKey(link.Id))
        {
            throw new CaseRuleException("A message carries a file of its own conversation only.");
        }

        var data = new Dictionary<string, string>
        {
            ["linkId"] = link.Id,
            ["linkName"] = link.Name,
            ["direction"] = direction,
            ["text"] = trimmed,
        };
        if (attachment is not null)
        {
            data["attachmentKey"] = attachment.DocumentKey;
            data["attachmentVersion"] = attachment.Version.ToString(CultureInfo.InvariantCulture);
            data["attachmentName"] = attachment.FileName;
            data["attachmentType"] = attachment.ContentType;
            data["attachmentSize"] = attachment.Size.ToString(CultureInfo.InvariantCulture);
        }

        return new TimelineWriter(current, now).Append(TimelineEntryTypes.MessageSent, actor, data).ToChange();
    }
}
