using CaseFy.Storage.Tables;
using Microsoft.Extensions.Hosting;

namespace CaseFy.Application;

/// <summary>Creates CaseFy's tables at start-up (idempotent), so no request finds them missing.</summary>
public sealed class StorageInitializer(CaseFyTables tables) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => tables.CreateIfNotExistsAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
