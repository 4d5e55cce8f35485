using MimeKit;

namespace CaseFy.Application.Mail;

/// <summary>A team member's mail ready to send, or why there is none to send.</summary>
/// <param name="Message">The message, From and To set; <see langword="null"/> when <paramref name="NotSentReason"/> says why not.</param>
/// <param name="NotSentReason">One of the reasons of <see cref="Model.Mail.TeamMailRules"/> or <see cref="Model.Mail.MailRecords"/>.</param>
public sealed record TeamMailDraft(MimeMessage? Message, string? NotSentReason);
