using CaseFy.Model.Cases;
using CaseFy.Model.Notifications;
using CaseFy.Model.Ports;

namespace CaseFy.Application.Notifications;

/// <summary>
/// Notifications as a person may see them now: of a case they may no longer read, without its title and the text,
/// which came from the case (each case read once).
/// </summary>
public static class NotificationRedaction
{
    /// <param name="notifications">The person's notifications.</param>
    /// <param name="mayRead">Whether the person may read a case (<see langword="null"/>: the case is gone).</param>
    /// <param name="cases">Where the cases are read.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public static async Task<List<Notification>> ApplyAsync(
        IEnumerable<Notification> notifications, Func<CaseRecord?, bool> mayRead, ICaseStore cases, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mayRead);
        ArgumentNullException.ThrowIfNull(cases);
        var list = notifications.ToList();
        var readable = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var caseId in list.Select(n => n.CaseId).Distinct(StringComparer.Ordinal))
        {
            readable[caseId] = mayRead(await cases.GetAsync(caseId, cancellationToken));
        }

        return [.. list.Select(n => readable[n.CaseId] ? n : n with { CaseTitle = null, Text = null })];
    }
}
