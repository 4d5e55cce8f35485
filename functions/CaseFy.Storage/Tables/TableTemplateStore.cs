using System.Collections.Concurrent;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using CaseFy.Model.Ports;
using CaseFy.Model.Templates;
using CaseFy.Telemetry;

namespace CaseFy.Storage.Tables;

/// <summary>
/// Templates in Table Storage: one partition per template, one row per immutable version (<c>v000001</c>…) and a
/// <c>summary</c> row (newest version, archived or not). A new version and the summary are written in one
/// entity-group transaction, ETag-checked on the summary, so two concurrent updates cannot both win.
/// </summary>
public sealed partial class TableTemplateStore(CaseFyTables tables) : ITemplateStore
{
    private const string SummaryRowKey = "summary";
    // Versions are immutable, so a version once read is kept: every stage exit needs its case's template
    // version, and this saves that read (measured in docs/PERFORMANCE.md). Bounded: past the cap, reads go to storage.
    private const int CachedVersionsCap = 4096;
    private readonly ConcurrentDictionary<(string TemplateId, int Version), CaseTemplate> _versions = new();

    public async Task<bool> AddAsync(CaseTemplate template, CancellationToken cancellationToken)
    {
        using var span = CaseFyTelemetry.StartStorage("template.add");
        ArgumentNullException.ThrowIfNull(template);
        try
        {
            await tables.Templates.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.Add, VersionEntity(template)),
                    new TableTransactionAction(TableTransactionActionType.Add, SummaryEntity(SummaryOf(template, TemplateStatus.Active))),
                ],
                cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<bool?> AddVersionAsync(CaseTemplate template, int expectedLatest, CancellationToken cancellationToken)
    {
        using var span = CaseFyTelemetry.StartStorage("template.add_version");
        ArgumentNullException.ThrowIfNull(template);
        var row = await tables.Templates.GetEntityIfExistsAsync<TableEntity>(template.Id, SummaryRowKey, cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return null;
        }

        var summary = JsonEntity.Read(row.Value!, StorageJsonContext.Default.TemplateSummary);
        if (summary.LatestVersion != expectedLatest || template.Version != expectedLatest + 1)
        {
            return false;
        }

        try
        {
            await tables.Templates.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.Add, VersionEntity(template)),
                    new TableTransactionAction(
                        TableTransactionActionType.UpdateReplace, SummaryEntity(SummaryOf(template, summary.Status)), row.Value!.ETag),
                ],
                cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    public async Task<CaseTemplate?> GetAsync(string templateId, int? version, CancellationToken cancellationToken)
    {
        using var span = CaseFyTelemetry.StartStorage("template.read");
        if (version is int exact)
        {
            if (_versions.TryGetValue((templateId, exact), out var cached))
            {
                return cached;
            }

            var row = await tables.Templates.GetEntityIfExistsAsync<TableEntity>(
                templateId, VersionRowKey(exact), cancellationToken: cancellationToken);
            var template = row.HasValue ? JsonEntity.Read(row.Value!, StorageJsonContext.Default.CaseTemplate) : null;
            if (template is not null && _versions.Count < CachedVersionsCap)
            {
                _versions.TryAdd((templateId, exact), template);
            }

            return template;
        }

        var versions = await ListVersionsAsync(templateId, cancellationToken);
        return versions.Count == 0 ? null : versions[^1];
    }

    public async Task<TemplateSummary?> GetSummaryAsync(string templateId, CancellationToken cancellationToken)
    {
        using var span = CaseFyTelemetry.StartStorage("template.read_summary");
        var row = await tables.Templates.GetEntityIfExistsAsync<TableEntity>(templateId, SummaryRowKey, cancellationToken: cancellationToken);
        return row.HasValue ? JsonEntity.Read(row.Value!, StorageJsonContext.Default.TemplateSummary) : null;
    }

    public async Task<IReadOnlyList<TemplateSummary>> ListAsync(CancellationToken cancellationToken)
    {
        using var span = CaseFyTelemetry.StartStorage("template.list");
        var summaries = new List<TemplateSummary>();
        await foreach (var row in tables.Templates.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"RowKey eq {SummaryRowKey}"), cancellationToken: cancellationToken))
        {
            summaries.Add(JsonEntity.Read(row, StorageJsonContext.Default.TemplateSummary));
        }

        return [.. summaries.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Id, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<CaseTemplate>> ListVersionsAsync(string templateId, CancellationToken cancellationToken)
    {
        var versions = new List<CaseTemplate>();
        await foreach (var row in tables.Templates.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {templateId} and RowKey ge {"v"} and RowKey lt {"w"}"),
            cancellationToken: cancellationToken))
        {
            versions.Add(JsonEntity.Read(row, StorageJsonContext.Default.CaseTemplate));
        }

        return versions;
    }

    public async Task<TemplateSummary?> ArchiveAsync(string templateId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        while (true)
        {
            var row = await tables.Templates.GetEntityIfExistsAsync<TableEntity>(templateId, SummaryRowKey, cancellationToken: cancellationToken);
            if (!row.HasValue)
            {
                return null;
            }

            var summary = JsonEntity.Read(row.Value!, StorageJsonContext.Default.TemplateSummary);
            if (summary.Status == TemplateStatus.Archived)
            {
                return summary;
            }

            var archived = summary with { Status = TemplateStatus.Archived, UpdatedAt = now };
            try
            {
                await tables.Templates.UpdateEntityAsync(SummaryEntity(archived), row.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                return archived;
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // A new version landed meanwhile: archive on top of it.
            }
        }
    }

    private static TemplateSummary SummaryOf(CaseTemplate template, TemplateStatus status) => new()
    {
        Id = template.Id,
        Name = template.Name,
        Description = template.Description,
        LatestVersion = template.Version,
        Status = status,
        UpdatedAt = template.CreatedAt,
    };

    private static TableEntity VersionEntity(CaseTemplate template) =>
        JsonEntity.Create(template.Id, VersionRowKey(template.Version), template, StorageJsonContext.Default.CaseTemplate);

    private static TableEntity SummaryEntity(TemplateSummary summary) =>
        JsonEntity.Create(summary.Id, SummaryRowKey, summary, StorageJsonContext.Default.TemplateSummary);

    private static string VersionRowKey(int version) => "v" + version.ToString("D6", CultureInfo.InvariantCulture);
}
