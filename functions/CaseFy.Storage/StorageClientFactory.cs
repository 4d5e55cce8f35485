using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;

namespace CaseFy.Storage;

/// <summary>Builds the Azure SDK clients from <see cref="StorageOptions"/>: key-based with a connection string, Entra ID otherwise.</summary>
public static class StorageClientFactory
{
    public static TableServiceClient CreateTableServiceClient(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UsesIdentity
            ? new TableServiceClient(options.TableServiceUri!, CreateCredential(options))
            : new TableServiceClient(options.ConnectionString);
    }

    public static BlobServiceClient CreateBlobServiceClient(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UsesIdentity
            ? new BlobServiceClient(options.BlobServiceUri!, CreateCredential(options))
            : new BlobServiceClient(options.ConnectionString);
    }

    private static DefaultAzureCredential CreateCredential(StorageOptions options) =>
        new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = string.IsNullOrWhiteSpace(options.ClientId) ? null : options.ClientId,
        });
}
