using CaseFy.Model.Ports;
using CaseFy.Storage.Blobs;
using CaseFy.Storage.Tables;
using Microsoft.Extensions.Options;

namespace CaseFy.Storage;

/// <summary>
/// Creates CaseFy's tables and documents container, indexes participants of cases stored before the participant
/// index existed and open cases stored before the board index existed, and with local storage (a connection string: Azurite) sets the Blob service's CORS rule for direct
/// uploads; in Azure, Bicep sets that rule and the app's identity has no right to change it.
/// </summary>
public sealed class StorageSetup(
    CaseFyTables tables, TableCaseStore cases, BlobDocumentStore documents, IOptions<StorageOptions> storage) : IStorageSetup
{
    /// <inheritdoc/>
    public async Task PrepareAsync(IReadOnlyList<string> portalOrigins, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(portalOrigins);
        await tables.CreateIfNotExistsAsync(cancellationToken);
        await cases.IndexParticipantsOnceAsync(cancellationToken);
        await cases.IndexBoardsOnceAsync(cancellationToken);
        await documents.EnsureContainerAsync(cancellationToken);
        if (!storage.Value.UsesIdentity && UploadOrigins(documents.ServiceOrigin, portalOrigins) is { Count: > 0 } origins)
        {
            await documents.EnsureUploadCorsAsync(origins, cancellationToken);
        }
    }

    /// <summary>
    /// The portal origins, and for storage on this machine (Azurite) any loopback port: the local host's own address
    /// is not known before it listens. Azurite matches <c>*</c> in an origin; Azure would refuse it.
    /// </summary>
    public static List<string> UploadOrigins(Uri blobOrigin, IEnumerable<string> portalOrigins)
    {
        ArgumentNullException.ThrowIfNull(blobOrigin);
        var origins = portalOrigins.Where(o => o.Length > 0).Select(o => o.TrimEnd('/')).ToList();
        if (blobOrigin.IsLoopback)
        {
            origins.AddRange(["http://127.0.0.1:*", "http://localhost:*"]);
        }

        return origins;
    }
}
