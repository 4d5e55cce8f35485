using CaseFy.Model.Cases;
using CaseFy.Model.Timeline;

namespace CaseFy.Model.Portal;

/// <summary>
/// Two-way messages between the team and the outside party of a portal link. Each link is its own conversation: a
/// message is one <c>MessageSent</c> entry naming its link, so the outside party reads only their link's messages and
/// the team reads every link's. Messages live on the timeline only, so they add nothing to the case's row.
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
    public static CaseChange FromTeam(CaseRecord current, string linkId, string text, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        var link = current.PortalLinks.FirstOrDefault(l => l.Id == linkId) ?? throw new CaseItemMissingException(LinkItem);
        return Send(current, link, MessageDirections.ToExternal, text, actor, now);
    }

    /// <summary>The outside party of link <paramref name="linkId"/> writes to the team.</summary>
    /// <exception cref="CaseItemMissingException">The case has no such link.</exception>
    /// <exception cref="CaseRuleException">The case is closed, or the link is revoked, expired or does not take messages.</exception>
    public static CaseChange FromExternal(CaseRecord current, string linkId, string text, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        var link = current.PortalLinks.FirstOrDefault(l => l.Id == linkId) ?? throw new CaseItemMissingException(LinkItem);
        return Send(current, link, MessageDirections.FromExternal, text, link.AsActor(), now);
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

        return new PortalMessage(
            entry.Seq, link, entry.Data.GetValueOrDefault("direction") ?? string.Empty, entry.At, entry.Actor.Name,
            entry.Data.GetValueOrDefault("text") ?? string.Empty);
    }

    private static CaseChange Send(CaseRecord current, PortalLink link, string direction, string text, Actor actor, DateTimeOffset now)
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

        var trimmed = text.Trim();
        if (trimmed.Length is 0 or > MaxTextLength)
        {
            throw new ArgumentException($"A message has 1 to {MaxTextLength} characters.", nameof(text));
        }

        return new TimelineWriter(current, now)
            .Append(TimelineEntryTypes.MessageSent, actor, new()
            {
                ["linkId"] = link.Id,
                ["linkName"] = link.Name,
                ["direction"] = direction,
                ["text"] = trimmed,
            })
            .ToChange();
    }
}
