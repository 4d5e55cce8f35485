using System.Globalization;
using Azure;
using Azure.Data.Tables;
using CaseFy.Model.Json;
using CaseFy.Model.Ports;
using CaseFy.Model.Templates;

namespace CaseFy.Storage.Tables;

/// <summary>Templates in Table Storage: one partition per template, one row per immutable version (<c>v000001</c>…).</summary>
public sealed class TableTemplateStore(CaseFyTables tables) : ITemplateStore
{
    public async Task<bool> AddAsync(CaseTemplate template, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(template);
        try
        {
            await tables.Templates.AddEntityAsync(
                JsonEntity.Create(template.Id, VersionRowKey(template.Version), template, CaseFyJsonContext.Default.CaseTemplate),
                cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<CaseTemplate?> GetAsync(string templateId, int? version, CancellationToken cancellationToken)
    {
        if (version is int exact)
        {
            var row = await tables.Templates.GetEntityIfExistsAsync<TableEntity>(
                templateId, VersionRowKey(exact), cancellationToken: cancellationToken);
            return row.HasValue ? JsonEntity.Read(row.Value!, CaseFyJsonContext.Default.CaseTemplate) : null;
        }

        TableEntity? newest = null;
        await foreach (var row in tables.Templates.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {templateId}"), cancellationToken: cancellationToken))
        {
            newest = row;
        }

        return newest is null ? null : JsonEntity.Read(newest, CaseFyJsonContext.Default.CaseTemplate);
    }

    private static string VersionRowKey(int version) => "v" + version.ToString("D6", CultureInfo.InvariantCulture);
}
