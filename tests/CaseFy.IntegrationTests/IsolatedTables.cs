using Azure.Core;
using Azure.Data.Tables;
using CaseFy.Model;
using CaseFy.Model.Templates;
using CaseFy.Storage;
using CaseFy.Storage.Tables;
using Microsoft.Extensions.Options;

namespace CaseFy.IntegrationTests;

/// <summary>CaseFy's tables under a prefix of their own on a shared Azurite, for tests that drive a store directly.</summary>
internal static class IsolatedTables
{
    /// <summary>A template with stages <c>intake</c> and <c>review</c>, never stored: stores take it as a value.</summary>
    public static CaseTemplate Template { get; } = new()
    {
        Id = "tpl",
        Version = 1,
        Name = "Store test",
        Stages = [new("intake", "Intake"), new("review", "Review")],
        CreatedAt = DateTimeOffset.UnixEpoch,
        CreatedBy = Actor.System,
    };

    /// <summary>Creates the tables under a new prefix.</summary>
    public static async Task<(CaseFyTables Tables, IOptions<StorageOptions> Options)> CreateAsync(string connectionString, CancellationToken cancellationToken)
    {
        var options = Options.Create(new StorageOptions
        {
            ConnectionString = connectionString,
            TablePrefix = "T" + Guid.NewGuid().ToString("N")[..20],
        });
        var tables = new CaseFyTables(new TableServiceClient(connectionString), options);
        await tables.CreateIfNotExistsAsync(cancellationToken);
        return (tables, options);
    }

    /// <summary>The same tables (same prefix) through clients whose requests pass <paramref name="tap"/>.</summary>
    public static CaseFyTables Tapped(string connectionString, IOptions<StorageOptions> options, TableRequestTap tap)
    {
        var clientOptions = new TableClientOptions();
        clientOptions.AddPolicy(tap, HttpPipelinePosition.PerCall);
        return new CaseFyTables(new TableServiceClient(connectionString, clientOptions), options);
    }
}
