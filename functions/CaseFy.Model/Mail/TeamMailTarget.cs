namespace CaseFy.Model.Mail;

/// <summary>Whom a team member's mail goes to and what it covers: one notification, or a digest's period.</summary>
/// <param name="PersonId">The person (their object id); the address is looked up when the mail goes out.</param>
/// <param name="NotificationId">The notification mailed at once (<see cref="MailKinds.TeamNotification"/>).</param>
/// <param name="Since">A digest covers the person's notifications after this instant…</param>
/// <param name="Until">…up to and including this one (<see cref="MailKinds.TeamDigest"/>).</param>
public sealed record TeamMailTarget(string PersonId, string? NotificationId = null, DateTimeOffset? Since = null, DateTimeOffset? Until = null);
