using CaseFy.Model;
using CaseFy.Model.Access;
using CaseFy.Model.Notifications;
using CaseFy.Model.Ports;

namespace CaseFy.Application.Notifications;

/// <summary>
/// A person's inbox as they may see it: a notification of a case they can no longer read (removed from it) stays in
/// the list, but without the case's title and the text, which came from the case.
/// </summary>
public sealed class InboxService(INotificationStore inbox, ICaseStore cases)
{
    public INotificationStore Store => inbox;

    /// <summary>One page of the person's notifications, newest first, each shown as far as they may read its case now.</summary>
    /// <exception cref="FormatException">The continuation token is not one the list issued.</exception>
    public async Task<Page<Notification>> ListAsync(
        string personId, AppRoles roles, bool unreadOnly, string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        var page = await inbox.ListAsync(personId, unreadOnly, continuationToken, pageSize, cancellationToken);
        return page with
        {
            Items = await NotificationRedaction.ApplyAsync(
                page.Items, record => record is not null && CaseAccessRules.LevelFor(roles, personId, record) != CaseAccessLevel.None, cases, cancellationToken),
        };
    }
}
