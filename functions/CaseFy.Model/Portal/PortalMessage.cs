namespace CaseFy.Model.Portal;

/// <summary>One message of a portal link's conversation, as both sides read it.</summary>
/// <param name="Seq">The timeline entry's sequence number (orders the conversation; the key of the message).</param>
/// <param name="LinkId">The portal link whose conversation it belongs to.</param>
/// <param name="Direction">One of <see cref="MessageDirections"/>.</param>
/// <param name="At">When it was sent.</param>
/// <param name="From">The sender's display name: a team member's, or the link's party's.</param>
/// <param name="Text">The message.</param>
public sealed record PortalMessage(long Seq, string LinkId, string Direction, DateTimeOffset At, string From, string Text)
{
    /// <summary>The file it carries, if any.</summary>
    public MessageAttachment? Attachment { get; init; }
}
