using Azure.Data.Tables;
using Azure.Storage.Blobs;
using CaseFy.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CaseFy.IntegrationTests;

/// <summary>Configuration decides how CaseFy reaches storage: a connection string (Azurite, keys) or Entra ID with the service URIs (Azure).</summary>
public sealed class StorageConfigurationTests
{
    private const string AzuriteConnection =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;";

    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddCaseFyStorage()
            .BuildServiceProvider();

    [Fact]
    public void Clients_WithConnectionString_UseTheAccountKey()
    {
        using var services = Build(new() { ["Storage:ConnectionString"] = AzuriteConnection });

        var tables = services.GetRequiredService<TableServiceClient>();
        var blobs = services.GetRequiredService<BlobServiceClient>();

        Assert.False(services.GetRequiredService<IOptions<StorageOptions>>().Value.UsesIdentity);
        Assert.Equal("devstoreaccount1", tables.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), tables.Uri);
        Assert.True(blobs.CanGenerateAccountSasUri);
    }

    [Fact]
    public void Clients_WithServiceUris_UseEntraIdWithoutKeys()
    {
        using var services = Build(new()
        {
            ["Storage:TableServiceUri"] = "https://casefyst.table.core.windows.net",
            ["Storage:BlobServiceUri"] = "https://casefyst.blob.core.windows.net",
            ["Storage:ClientId"] = "00000000-0000-0000-0000-000000000001",
        });

        var tables = services.GetRequiredService<TableServiceClient>();
        var blobs = services.GetRequiredService<BlobServiceClient>();

        Assert.True(services.GetRequiredService<IOptions<StorageOptions>>().Value.UsesIdentity);
        Assert.Equal(new Uri("https://casefyst.table.core.windows.net"), tables.Uri);
        Assert.Equal(new Uri("https://casefyst.blob.core.windows.net"), blobs.Uri);
        // No key: SAS links must come from a user-delegation key in this mode.
        Assert.False(blobs.CanGenerateAccountSasUri);
    }

    [Fact]
    public void Options_WithNeitherConnectionStringNorUris_FailValidationNamingTheSettings()
    {
        using var services = Build(new() { ["Storage:TableServiceUri"] = "https://casefyst.table.core.windows.net" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("Storage:BlobServiceUri", error.Message, StringComparison.Ordinal);
    }
}
