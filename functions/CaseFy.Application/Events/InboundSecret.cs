using System.Security.Cryptography;
using System.Text;

namespace CaseFy.Application.Events;

/// <summary>Checks the shared secret Event Grid passes on the inbound webhook, in constant time.</summary>
public static class InboundSecret
{
    /// <summary>
    /// The request header that carries the secret: an Event Grid delivery attribute marked secret
    /// (infra/blob-subscription.bicep). Not the query string: request URLs are kept in telemetry and logs.
    /// </summary>
    public const string HeaderName = "CaseFy-Webhook-Secret";

    /// <summary>Whether <paramref name="presented"/> is the configured secret; always false when none is configured.</summary>
    public static bool Matches(string? configured, string? presented)
    {
        if (string.IsNullOrEmpty(configured) || string.IsNullOrEmpty(presented))
        {
            return false;
        }

        // Hashing first gives equal lengths, so the comparison time says nothing about the secret's length either.
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(configured)),
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
    }
}
