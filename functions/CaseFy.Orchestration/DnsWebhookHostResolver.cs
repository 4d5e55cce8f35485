using System.Net;

namespace CaseFy.Orchestration;

/// <summary>The system resolver (DNS).</summary>
public sealed class DnsWebhookHostResolver : IWebhookHostResolver
{
    /// <inheritdoc/>
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        Dns.GetHostAddressesAsync(host, cancellationToken);
}
