using CaseFy.Model.Mail;

namespace CaseFy.Model.Ports;

/// <summary>
/// Mail waiting to be sent, and how far each case's timeline has been turned into mail. Adding is idempotent (a
/// delivery id names one mail), so a batch handled again after a crash adds nothing twice; a delivery stays until its
/// outcome is on the timeline.
/// </summary>
public interface IMailOutbox
{
    /// <summary>Adds each delivery unless it is there already (then it is left as it is).</summary>
    Task AddAsync(IReadOnlyList<MailDelivery> deliveries, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="max"/> deliveries due now for <paramref name="lease"/> (no other caller gets them
    /// meanwhile; an unsettled claim is due again when the lease runs out).
    /// </summary>
    Task<IReadOnlyList<MailClaim>> ClaimDueAsync(int max, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Makes a failed delivery due again after <paramref name="retryAfter"/>, one more failed attempt counted.</summary>
    /// <returns><see langword="false"/> when another caller holds or removed it meanwhile.</returns>
    Task<bool> DeferAsync(MailClaim claim, TimeSpan retryAfter, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps the delivery's outcome before it is put on the timeline: the mail will not be sent again, and the timeline is
    /// searched for its record from <paramref name="fromSeq"/> on if the recording is interrupted.
    /// </summary>
    /// <returns>The claim as it is now, or <see langword="null"/> when another caller holds or removed it meanwhile.</returns>
    Task<MailClaim?> SettleAsync(MailClaim claim, MailOutcome outcome, long fromSeq, CancellationToken cancellationToken);

    /// <summary>Removes a delivery whose outcome is recorded.</summary>
    Task RemoveAsync(MailClaim claim, CancellationToken cancellationToken);

    /// <summary>The sequence number of the case's last timeline entry already turned into mail (0: none yet).</summary>
    Task<long> GetCursorAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>Records that the case's entries up to <paramref name="seq"/> are turned into mail.</summary>
    Task SetCursorAsync(string caseId, long seq, CancellationToken cancellationToken);
}
