using CaseFy.Model.Ports;
using CaseFy.Storage.Blobs;
using CaseFy.Storage.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CaseFy.Storage;

/// <summary>Registers the storage adapters behind the model's ports: what both hosts call, beside the application's services.</summary>
public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddCaseFyStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => StorageClientFactory.CreateTableServiceClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton(sp => StorageClientFactory.CreateBlobServiceClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<CaseFyTables>();
        services.AddSingleton<TableCaseStore>();
        services.AddSingleton<ICaseStore>(sp => sp.GetRequiredService<TableCaseStore>());
        services.AddSingleton<ITemplateStore, TableTemplateStore>();
        services.AddSingleton<IEventOutbox, TableEventOutbox>();
        services.AddSingleton<IMetricsStore, TableMetricsStore>();
        services.AddSingleton<INotificationStore, TableNotificationStore>();
        services.AddSingleton<IMailOutbox, TableMailOutbox>();
        services.AddSingleton<ITeamMailSettings, TableTeamMailSettings>();
        services.AddSingleton<BlobDocumentStore>();
        services.AddSingleton<IDocumentStore>(sp => sp.GetRequiredService<BlobDocumentStore>());
        services.AddSingleton<IStorageSetup, StorageSetup>();
        return services;
    }
}
