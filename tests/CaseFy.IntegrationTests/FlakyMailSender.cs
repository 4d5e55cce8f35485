using System.Collections.Concurrent;
using CaseFy.Application.Mail;
using MimeKit;

namespace CaseFy.IntegrationTests;

/// <summary>
/// A mail service that refuses some recipients for a while: the first <c>failures</c> sends to each listed address
/// throw a transient <see cref="MailDeliveryException"/>, later ones go to <paramref name="inner"/>. It keeps when each
/// send was tried, so a test can see the back-off.
/// </summary>
public sealed class FlakyMailSender(IMailSender inner, IReadOnlyDictionary<string, int> failuresByAddress) : IMailSender
{
    public ConcurrentDictionary<string, ConcurrentQueue<DateTimeOffset>> Tries { get; } = new(StringComparer.Ordinal);

    public async Task SendAsync(MimeMessage message, string deliveryId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var tries = Tries.GetOrAdd(deliveryId, _ => new ConcurrentQueue<DateTimeOffset>());
        tries.Enqueue(DateTimeOffset.UtcNow);
        var address = message.To.Mailboxes.Single().Address;
        if (failuresByAddress.TryGetValue(address, out var failures) && tries.Count <= failures)
        {
            throw new MailDeliveryException("The test's mail service is down.", isTransient: true);
        }

        await inner.SendAsync(message, deliveryId, cancellationToken);
    }
}
