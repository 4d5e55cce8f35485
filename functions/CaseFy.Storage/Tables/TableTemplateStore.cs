using System.Collections.Concurrent;
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
    // Versions are immutable, so a version once read is kept: every stage exit needs its case's template
    // version, and this saves that read (measured in docs/PERFORMANCE.md). Bounded: past the cap, reads go to storage.
    private const int CachedVersionsCap = 4096;
    private readonly ConcurrentDictionary<(string TemplateId, int Version), CaseTemplate> _versions = new();

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
            if (_versions.TryGetValue((templateId, exact), out var cached))
            {
                return cached;
            }

            var row = await tables.Templates.GetEntityIfExistsAsync<TableEntity>(
                templateId, VersionRowKey(exact), cancellationToken: cancellationToken);
            var template = row.HasValue ? JsonEntity.Read(row.Value!, CaseFyJsonContext.Default.CaseTemplate) : null;
            if (template is not null && _versions.Count < CachedVersionsCap)
            {
                _versions.TryAdd((templateId, exact), template);
            }

            return template;
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
