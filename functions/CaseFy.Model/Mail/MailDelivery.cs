namespace CaseFy.Model.Mail;

/// <summary>
/// One mail to send: which case and entry it comes from, what it is about and to whom. It carries no address and no
/// link: both are looked up when it is sent (an address may change, a link may be revoked meanwhile).
/// </summary>
/// <param name="Id">
/// The delivery id, the same on every derivation and retry (<c>{entryId}-{linkId}</c>): the outbox row's key, the
/// pickup file's name, the ACS operation id's seed; letters, digits and '-' only.
/// </param>
/// <param name="CaseId">The case.</param>
/// <param name="Seq">The timeline entry that asked for it.</param>
/// <param name="Kind">One of <see cref="MailKinds"/>.</param>
/// <param name="LinkId">The portal link whose outside party is mailed (empty for a team member's mail).</param>
/// <param name="Team">Set for mail to a team member (<see cref="TeamMailRules"/>): who, and which notifications.</param>
public sealed record MailDelivery(string Id, string CaseId, long Seq, string Kind, string LinkId, TeamMailTarget? Team = null);
