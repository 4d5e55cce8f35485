using System.Collections.Concurrent;
using System.Net;
using CaseFy.Orchestration;

namespace CaseFy.IntegrationTests;

/// <summary>
/// A resolver whose answers a test sets: a name that passed the template's save-time rules answers an internal
/// address when CaseFy connects (DNS rebinding). Other names go to DNS. Every lookup is recorded.
/// </summary>
public sealed class ScriptedResolver : IWebhookHostResolver
{
    private readonly ConcurrentDictionary<string, IPAddress> _answers = new(StringComparer.OrdinalIgnoreCase);

    public ConcurrentQueue<string> Lookups { get; } = new();

    /// <summary>From now on <paramref name="host"/> resolves to <paramref name="address"/>.</summary>
    public void Answer(string host, IPAddress address) => _answers[host] = address;

    /// <inheritdoc/>
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        Lookups.Enqueue(host);
        return _answers.TryGetValue(host, out var address) ? Task.FromResult<IPAddress[]>([address]) : Dns.GetHostAddressesAsync(host, cancellationToken);
    }
}
