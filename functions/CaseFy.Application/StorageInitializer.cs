using CaseFy.Storage.Blobs;
using CaseFy.Storage.Tables;
using Microsoft.Extensions.Hosting;

namespace CaseFy.Application;

/// <summary>Creates CaseFy's tables and documents container at start-up (idempotent), so no request finds them missing.</summary>
public sealed class StorageInitializer(CaseFyTables tables, BlobDocumentStore documents) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await tables.CreateIfNotExistsAsync(cancellationToken);
        await documents.EnsureContainerAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
