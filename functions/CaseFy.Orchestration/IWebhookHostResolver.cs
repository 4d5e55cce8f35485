using System.Net;

namespace CaseFy.Orchestration;

/// <summary>Resolves a webhook target's host name to addresses, once per connection (a seam so tests can rebind a name).</summary>
public interface IWebhookHostResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}
