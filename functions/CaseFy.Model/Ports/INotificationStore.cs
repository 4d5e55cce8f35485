using CaseFy.Model.Notifications;

namespace CaseFy.Model.Ports;

/// <summary>
/// Each person's inbox of notifications, and how far each case's timeline has been turned into notifications. Adding
/// is idempotent (a notification id names one entry), so a batch handled again after a crash adds nothing twice.
/// </summary>
public interface INotificationStore
{
    /// <summary>Adds each notification to its person's inbox unless it is there already (then it is left as it is, read or not).</summary>
    Task AddAsync(IReadOnlyList<(string PersonId, Notification Notification)> notifications, CancellationToken cancellationToken);

    /// <summary>A person's notifications, newest first; only unread ones when <paramref name="unreadOnly"/>.</summary>
    /// <exception cref="FormatException">The continuation token is not one this store issued.</exception>
    Task<Page<Notification>> ListAsync(string personId, bool unreadOnly, string? continuationToken, int pageSize, CancellationToken cancellationToken);

    /// <summary>One notification of the person; <see langword="null"/> when they have no such notification.</summary>
    Task<Notification?> GetAsync(string personId, string notificationId, CancellationToken cancellationToken);

    /// <summary>
    /// Puts into the digest <paramref name="digestId"/> the person's notifications of entries after
    /// <paramref name="since"/> up to <paramref name="until"/>, and those of entries after <paramref name="reachBack"/>
    /// up to <paramref name="since"/> that reached the inbox after the previous digest took its own (no digest holds
    /// them yet). A notification already in another digest stays there; doing it again adds what arrived meanwhile.
    /// Nothing is put into a sealed digest (<see cref="SealDigestAsync"/>): what arrives after its mail was written
    /// waits for the next digest.
    /// </summary>
    /// <returns>How many notifications the digest holds; 0 when it is sealed (its mail is written already).</returns>
    Task<int> TakeIntoDigestAsync(
        string personId, string digestId, DateTimeOffset reachBack, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>
    /// Seals the digest <paramref name="digestId"/> (and the person's earlier ones) as its mail is written: from then on
    /// <see cref="TakeIntoDigestAsync"/> puts nothing more into it, so the mail lists exactly what it holds. Idempotent.
    /// </summary>
    Task SealDigestAsync(string personId, string digestId, CancellationToken cancellationToken);

    /// <summary>The person's notifications in the digest <paramref name="digestId"/> of entries after <paramref name="after"/>, newest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<Notification>> ListDigestAsync(
        string personId, string digestId, DateTimeOffset after, int max, CancellationToken cancellationToken);

    /// <summary>Marks one notification read; <see langword="false"/> when the person has no such notification.</summary>
    Task<bool> MarkReadAsync(string personId, string notificationId, CancellationToken cancellationToken);

    /// <summary>Marks every unread notification of the person read.</summary>
    /// <returns>How many were unread.</returns>
    Task<int> MarkAllReadAsync(string personId, CancellationToken cancellationToken);

    /// <summary>How many unread notifications the person has.</summary>
    Task<int> CountUnreadAsync(string personId, CancellationToken cancellationToken);

    /// <summary>The sequence number of the case's last timeline entry already turned into notifications (0: none yet).</summary>
    Task<long> GetCursorAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>Records that the case's entries up to <paramref name="seq"/> are turned into notifications.</summary>
    Task SetCursorAsync(string caseId, long seq, CancellationToken cancellationToken);
}
