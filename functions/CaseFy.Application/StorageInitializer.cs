using CaseFy.Application.Portal;
using CaseFy.Storage;
using CaseFy.Storage.Blobs;
using CaseFy.Storage.Tables;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CaseFy.Application;

/// <summary>
/// Creates CaseFy's tables and documents container at start-up (idempotent), so no request finds them missing. With
/// local storage (a connection string: Azurite) it also lets the portal's browsers PUT direct uploads (Blob service
/// CORS); in Azure, Bicep sets that rule and the app's identity has no right to change it.
/// </summary>
public sealed class StorageInitializer(
    CaseFyTables tables, TableCaseStore cases, BlobDocumentStore documents, IOptions<StorageOptions> storage, IOptions<PortalOptions> portal) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await tables.CreateIfNotExistsAsync(cancellationToken);
        await cases.IndexParticipantsOnceAsync(cancellationToken);
        await documents.EnsureContainerAsync(cancellationToken);
        if (!storage.Value.UsesIdentity && UploadOrigins(documents.ServiceOrigin, portal.Value.Origin) is { Count: > 0 } origins)
        {
            await documents.EnsureUploadCorsAsync(origins, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The configured portal origin, and for storage on this machine (Azurite) any loopback port: the local host's
    /// own address is not known before it listens. Azurite matches <c>*</c> in an origin; Azure would refuse it.
    /// </summary>
    public static List<string> UploadOrigins(Uri blobOrigin, string? portalOrigin)
    {
        ArgumentNullException.ThrowIfNull(blobOrigin);
        var origins = new List<string>();
        if (portalOrigin is { Length: > 0 })
        {
            origins.Add(portalOrigin.TrimEnd('/'));
        }

        if (blobOrigin.IsLoopback)
        {
            origins.AddRange(["http://127.0.0.1:*", "http://localhost:*"]);
        }

        return origins;
    }
}
