using System.Globalization;
using CaseFy.Model.Cases;
using CaseFy.Model.Mail;
using CaseFy.Model.Portal;
using MimeKit;

namespace CaseFy.Application.Mail;

/// <summary>
/// Writes the mail to an outside party: what happened, in one line, and their link, which every such mail carries. It
/// says nothing of the case beyond its title and number (what the party's own page shows) and never a message's text:
/// that is read on the page, behind the link.
/// </summary>
public static class MailComposer
{
    /// <summary>The message for <paramref name="delivery"/> to <paramref name="link"/>'s party, from <paramref name="sender"/>.</summary>
    /// <param name="delivery">What the mail is about.</param>
    /// <param name="current">The case (its title and number).</param>
    /// <param name="link">The party's link (name, address, expiry); its address must be set.</param>
    /// <param name="linkUrl">The link's URL, token included.</param>
    /// <param name="sender">The From mailbox.</param>
    public static MimeMessage ToOutsideParty(MailDelivery delivery, CaseRecord current, PortalLink link, string linkUrl, MailboxAddress sender)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(link);
        var about = current.Number is { } number ? $"{current.Title} ({number})" : current.Title;
        var (subject, what) = delivery.Kind switch
        {
            MailKinds.Message => ($"New message: {about}", $"You have a new message about \"{about}\"."),
            MailKinds.Asked => ($"Something is asked of you: {about}", $"Something is asked of you about \"{about}\" (stage {current.CurrentStage.Name})."),
            MailKinds.Welcome => ($"We received your request: {about}", $"We received your request \"{about}\". You can follow it, and answer what we ask of you, on your page."),
            _ => throw new ArgumentException($"No mail text for kind '{delivery.Kind}'.", nameof(delivery)),
        };

        var expires = link.ExpiresAt.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        var message = new MimeMessage
        {
            Subject = subject,
            Body = new TextPart("plain")
            {
                Text = $"""
                    Hello {link.Name},

                    {what}

                    Open your page:
                    {linkUrl}

                    This link is yours alone: please do not forward it. It works until {expires}.
                    """,
            },
        };
        message.From.Add(sender);
        message.To.Add(new MailboxAddress(link.Name, link.Email ?? throw new ArgumentException("The link has no address.", nameof(link))));
        return message;
    }
}
