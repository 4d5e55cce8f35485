using Microsoft.AspNetCore.Builder;

namespace CaseFy.Benchmarks;

/// <summary>A further CaseFy instance on the benchmark's storage and task hub, with its own API client.</summary>
public sealed class BenchInstance(WebApplication host, BenchApi api) : IAsyncDisposable
{
    public BenchApi Api => api;

    /// <summary>A graceful stop: its partition leases are released for the other instances to take.</summary>
    public async ValueTask DisposeAsync()
    {
        api.Http.Dispose();
        await host.StopAsync();
        await host.DisposeAsync();
    }
}
