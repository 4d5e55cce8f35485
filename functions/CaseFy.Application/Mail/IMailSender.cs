using MimeKit;

namespace CaseFy.Application.Mail;

/// <summary>
/// Where built messages go: a pickup folder locally, Azure Communication Services Email in Azure. Delivery is at least
/// once; <c>deliveryId</c> is the same for every retry of one message, so an adapter can make a retry harmless.
/// </summary>
public interface IMailSender
{
    /// <summary>Hands <paramref name="message"/> over for delivery.</summary>
    /// <param name="message">The message, built with MimeKit (from, to, subject, text body).</param>
    /// <param name="deliveryId">Stable per message (e.g. the notification id and recipient): a repeat is the same delivery.</param>
    /// <param name="cancellationToken">Cancels the hand-over.</param>
    /// <exception cref="MailDeliveryException">The service refused or was unreachable: retry later.</exception>
    Task SendAsync(MimeMessage message, string deliveryId, CancellationToken cancellationToken);
}
