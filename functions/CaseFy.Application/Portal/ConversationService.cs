using CaseFy.Application.Timeline;
using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Portal;
using CaseFy.Model.Ports;
using CaseFy.Model.Timeline;

namespace CaseFy.Application.Portal;

/// <summary>
/// The conversations between the team and the outside parties of a case's portal links (<see cref="PortalMessages"/>):
/// sending a message either way, and reading one link's conversation (or every link's, for the team) from the timeline.
/// </summary>
public sealed class ConversationService(ICaseStore cases, TimeProvider time)
{
    /// <summary>The newest messages the external view carries; older ones are paged.</summary>
    public const int MessagesInView = 100;

    public ICaseStore Store => cases;

    /// <summary>A team member writes to the outside party of link <paramref name="linkId"/>.</summary>
    /// <returns>The message, or <see langword="null"/> when there is no such case.</returns>
    /// <exception cref="CaseItemMissingException">The case has no such link.</exception>
    /// <exception cref="CaseRuleException">The case is closed, or the link is revoked, expired or does not take messages.</exception>
    public Task<PortalMessage?> SendFromTeamAsync(string caseId, string linkId, string text, Actor actor, CancellationToken cancellationToken) =>
        SendAsync(caseId, c => PortalMessages.FromTeam(c, linkId, text, actor, time.GetUtcNow()), cancellationToken);

    /// <summary>The outside party of the link writes to the team.</summary>
    /// <exception cref="CaseRuleException">The case is closed, or the link is revoked, expired or does not take messages.</exception>
    public Task<PortalMessage?> SendFromExternalAsync(PortalLinkMatch match, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(match);
        return SendAsync(match.Case.Id, c => PortalMessages.FromExternal(c, match.Link.Id, text, time.GetUtcNow()), cancellationToken);
    }

    /// <summary>A page of the conversation of link <paramref name="linkId"/> (every link's when null), newest page first.</summary>
    /// <param name="record">The case.</param>
    /// <param name="linkId">The link, or <see langword="null"/> for all of the case's conversations.</param>
    /// <param name="before">A continuation token's seq; the newest messages when <see langword="null"/>.</param>
    /// <param name="count">The most messages the page holds.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    public Task<Page<PortalMessage>> ReadAsync(CaseRecord record, string? linkId, long? before, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return NewestEntriesReader.ReadAsync(
            cases, record.Id, record.TimelineLength, before, count, entry => PortalMessages.Read(entry, linkId), cancellationToken);
    }

    private async Task<PortalMessage?> SendAsync(string caseId, Func<CaseRecord, CaseChange> send, CancellationToken cancellationToken)
    {
        // The rule may run again after a concurrent write: the entry of its last run is the one stored.
        TimelineEntry? sent = null;
        var updated = await cases.UpdateAsync(caseId, c =>
        {
            var change = send(c);
            sent = change.Entries[^1];
            return change;
        }, cancellationToken);
        return updated is null || sent is null ? null : PortalMessages.Read(sent);
    }
}
