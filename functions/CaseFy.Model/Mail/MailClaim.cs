namespace CaseFy.Model.Mail;

/// <summary>A dispatcher's temporary hold on one delivery.</summary>
/// <param name="Delivery">The mail.</param>
/// <param name="Version">The store's version of the row (an ETag): a later write fails if another caller took it meanwhile.</param>
/// <param name="FailedAttempts">How many sends failed so far (for the back-off and the last attempt).</param>
/// <param name="Outcome">Set once the send is over (<see cref="Ports.IMailOutbox.SettleAsync"/>): only the recording is left.</param>
/// <param name="FromSeq">With <paramref name="Outcome"/>: the timeline length before the record was appended.</param>
public sealed record MailClaim(MailDelivery Delivery, string Version, int FailedAttempts, MailOutcome? Outcome, long FromSeq);
