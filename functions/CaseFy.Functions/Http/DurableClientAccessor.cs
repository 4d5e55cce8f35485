using Microsoft.DurableTask.Client;

namespace CaseFy.Functions.Http;

/// <summary>The engine client of the request in hand, from the catch-all trigger's <c>[DurableClient]</c> binding.</summary>
public sealed class DurableClientAccessor
{
    public DurableTaskClient? Client { get; set; }
}
