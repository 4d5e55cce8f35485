using System.Text;
using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using CaseFy.Model.Ports;
using CaseFy.Telemetry;
using Microsoft.Extensions.Options;

namespace CaseFy.Storage.Blobs;

/// <summary>
/// Document files in the <see cref="StorageOptions.DocumentsContainer"/> container. Read URLs and upload URLs are
/// service SAS for one blob with read permission only, or create permission only: signed with the account key when a connection string is configured (Azurite), with
/// a user delegation key when the app signs in with Entra ID (<see cref="StorageOptions.UsesIdentity"/>).
/// </summary>
public sealed class BlobDocumentStore(BlobServiceClient service, IOptions<StorageOptions> options, TimeProvider time) : IDocumentStore
{
    // Staged in blocks of this size: memory per upload stays bounded, and nothing is visible until the final commit.
    private const int BlockBytes = 4 * 1024 * 1024;

    // What a browser sends with a create URL: the blob type, the file's type, CaseFy's metadata (x-ms-meta-*).
    private const string UploadAllowedHeaders = "content-type,x-ms-blob-type,x-ms-meta-*,x-ms-version,x-ms-client-request-id";

    private BlobContainerClient Container => service.GetBlobContainerClient(options.Value.DocumentsContainer);

    /// <summary>Creates the container when it is missing (at start-up; Bicep creates it in Azure).</summary>
    public Task EnsureContainerAsync(CancellationToken cancellationToken) =>
        Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    /// <inheritdoc/>
    public async Task<bool> CreateAsync(
        string blobName, Stream content, string contentType, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        using var span = CaseFyTelemetry.StartStorage("blob.create", CaseOf(blobName));
        var upload = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Metadata = metadata.ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal),

            // Create only: a version's bytes never change once written, and two racing uploads cannot both win.
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            TransferOptions = new StorageTransferOptions { InitialTransferSize = BlockBytes, MaximumTransferSize = BlockBytes, MaximumConcurrency = 1 },
        };
        try
        {
            await Container.GetBlobClient(blobName).UploadAsync(content, upload, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <inheritdoc/>
    public async Task<DocumentBlob?> OpenReadAsync(string blobName, CancellationToken cancellationToken)
    {
        using var span = CaseFyTelemetry.StartStorage("blob.read", CaseOf(blobName));
        try
        {
            var download = await Container.GetBlobClient(blobName).DownloadStreamingAsync(cancellationToken: cancellationToken);
            var details = download.Value.Details;
            return new DocumentBlob(download.Value.Content, details.ContentType ?? "application/octet-stream", details.ContentLength);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <inheritdoc/>
    public async Task<DocumentBlobInfo?> GetInfoAsync(string blobName, CancellationToken cancellationToken)
    {
        using var span = CaseFyTelemetry.StartStorage("blob.info", CaseOf(blobName));
        try
        {
            var properties = (await Container.GetBlobClient(blobName).GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            return new DocumentBlobInfo(
                properties.ContentType ?? "application/octet-stream", properties.ContentLength, properties.Metadata.AsReadOnly());
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <inheritdoc/>
    public Task<Uri?> GetReadUrlAsync(
        string blobName, string downloadName, string contentType, DateTimeOffset expiresOn, CancellationToken cancellationToken) =>
        SignAsync(blobName, BlobSasPermissions.Read, expiresOn, sas =>
        {
            sas.ContentDisposition = AttachmentDisposition(downloadName);
            sas.ContentType = contentType;
        }, cancellationToken);

    /// <inheritdoc/>
    /// <remarks>
    /// Create is the only permission: Blob Storage refuses a Put Blob over an existing blob under it, and staging
    /// blocks needs Write, so the client sends the file in one Put Blob (up to 5,000 MiB; documents are far smaller).
    /// </remarks>
    public Task<Uri?> GetCreateUrlAsync(string blobName, DateTimeOffset expiresOn, CancellationToken cancellationToken) =>
        SignAsync(blobName, BlobSasPermissions.Create, expiresOn, _ => { }, cancellationToken);

    /// <inheritdoc/>
    public Uri ServiceOrigin => new(service.Uri.GetLeftPart(UriPartial.Authority));

    public string ContainerName => options.Value.DocumentsContainer;

    /// <summary>
    /// Lets browsers on <paramref name="origins"/> PUT files with the create URLs (Blob service CORS). Rules other
    /// than CaseFy's are kept; for local storage only (in Azure, <c>infra/modules/storage.bicep</c> sets the same rule).
    /// </summary>
    public async Task EnsureUploadCorsAsync(IReadOnlyList<string> origins, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origins);
        var properties = (await service.GetPropertiesAsync(cancellationToken)).Value;
        var wanted = origins.Select(UploadCorsRule).ToList();
        if (wanted.All(w => properties.Cors.Any(c => SameRule(c, w))))
        {
            return;
        }

        var kept = properties.Cors.Where(c => c.AllowedHeaders != UploadAllowedHeaders).ToList();
        properties.Cors = [.. kept, .. wanted];
        await service.SetPropertiesAsync(properties, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task DeleteAsync(string blobName, CancellationToken cancellationToken) =>
        await Container.GetBlobClient(blobName).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    // Blob names are "{caseId}/{documentId}/{version}": the case a blob call concerns, for its span.
    private static string CaseOf(string blobName) => blobName.Split('/', 2)[0];

    /// <summary>A service SAS for one blob with <paramref name="permissions"/> only.</summary>
    private async Task<Uri?> SignAsync(
        string blobName, BlobSasPermissions permissions, DateTimeOffset expiresOn, Action<BlobSasBuilder> configure, CancellationToken cancellationToken)
    {
        using var span = CaseFyTelemetry.StartStorage("blob.sign", CaseOf(blobName));
        var blob = Container.GetBlobClient(blobName);
        var startsOn = time.GetUtcNow().AddMinutes(-5); // clock skew between this host and Blob Storage
        var sas = new BlobSasBuilder(permissions, expiresOn)
        {
            BlobContainerName = blob.BlobContainerName,
            BlobName = blob.Name,
            Resource = "b",
            StartsOn = startsOn,
            Protocol = service.Uri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
        };
        configure(sas);
        if (blob.CanGenerateSasUri)
        {
            return blob.GenerateSasUri(sas);
        }

        // Entra ID has no account key to sign with: a user delegation key (needs a data role on the account) does.
        // Not exercised locally: Azurite is reached with its key.
        try
        {
            var key = await service.GetUserDelegationKeyAsync(startsOn, expiresOn, cancellationToken);
            return new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key.Value, service.AccountName) }.ToUri();
        }
        catch (RequestFailedException)
        {
            return null;
        }
    }

    private static BlobCorsRule UploadCorsRule(string origin) => new()
    {
        AllowedOrigins = origin,
        AllowedMethods = "PUT",
        AllowedHeaders = UploadAllowedHeaders,
        ExposedHeaders = "x-ms-request-id,x-ms-error-code",
        MaxAgeInSeconds = 600,
    };

    private static bool SameRule(BlobCorsRule a, BlobCorsRule b) =>
        a.AllowedOrigins == b.AllowedOrigins && a.AllowedMethods == b.AllowedMethods && a.AllowedHeaders == b.AllowedHeaders
        && a.ExposedHeaders == b.ExposedHeaders && a.MaxAgeInSeconds == b.MaxAgeInSeconds;

    /// <summary><c>attachment</c> with an ASCII fallback name and the exact name in RFC 5987 form.</summary>
    private static string AttachmentDisposition(string fileName)
    {
        var ascii = new StringBuilder(fileName.Length);
        foreach (var c in fileName)
        {
            ascii.Append(c is >= ' ' and < (char)127 and not '"' and not '\\' ? c : '_');
        }

        return $"attachment; filename=\"{ascii}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";
    }
}
