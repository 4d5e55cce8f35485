using Azure;
using Azure.Data.Tables;
using CaseFy.Model.Metrics;
using CaseFy.Model.Ports;
using CaseFy.Telemetry;

namespace CaseFy.Storage.Tables;

/// <summary>
/// One partition per template in <see cref="CaseFyTables.Metrics"/>: the row <c>totals</c> and a row <c>case-{id}</c>
/// per counted case. Both rows of a change go in one entity-group transaction with their ETags, so a change is
/// counted once even when two publishers race or one dies halfway.
/// </summary>
public sealed class TableMetricsStore(CaseFyTables tables) : IMetricsStore
{
    private const string TotalsRowKey = "totals";
    private const string CaseRowPrefix = "case-";

    // Entity-group transactions hold at most 100 operations.
    private const int MaxBatch = 100;

    public async Task<MetricsTotals> GetTotalsAsync(string templateId, CancellationToken cancellationToken)
    {
        using var span = CaseFyTelemetry.StartStorage("metrics.read");
        var row = await tables.Metrics.GetEntityIfExistsAsync<TableEntity>(templateId, TotalsRowKey, cancellationToken: cancellationToken);
        return row.HasValue ? JsonEntity.Read(row.Value!, StorageJsonContext.Default.MetricsTotals) : new MetricsTotals();
    }

    public async Task<MetricsSnapshot> ReadAsync(string templateId, string caseId, CancellationToken cancellationToken)
    {
        using var span = CaseFyTelemetry.StartStorage("metrics.read", caseId);
        var totals = tables.Metrics.GetEntityIfExistsAsync<TableEntity>(templateId, TotalsRowKey, cancellationToken: cancellationToken);
        var cursor = tables.Metrics.GetEntityIfExistsAsync<TableEntity>(templateId, CaseRowPrefix + caseId, cancellationToken: cancellationToken);
        var (totalsRow, cursorRow) = (await totals, await cursor);
        return new MetricsSnapshot(
            templateId,
            caseId,
            totalsRow.HasValue ? JsonEntity.Read(totalsRow.Value!, StorageJsonContext.Default.MetricsTotals) : new MetricsTotals(),
            cursorRow.HasValue ? JsonEntity.Read(cursorRow.Value!, StorageJsonContext.Default.CaseMetricsCursor) : new CaseMetricsCursor(),
            totalsRow.HasValue ? totalsRow.Value!.ETag.ToString() : null,
            cursorRow.HasValue ? cursorRow.Value!.ETag.ToString() : null);
    }

    public async Task<bool> TryWriteAsync(MetricsSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var span = CaseFyTelemetry.StartStorage("metrics.write", snapshot.CaseId);
        List<TableTransactionAction> actions =
        [
            Write(JsonEntity.Create(snapshot.TemplateId, TotalsRowKey, snapshot.Totals, StorageJsonContext.Default.MetricsTotals), snapshot.TotalsVersion),
            Write(JsonEntity.Create(snapshot.TemplateId, CaseRowPrefix + snapshot.CaseId, snapshot.Cursor, StorageJsonContext.Default.CaseMetricsCursor), snapshot.CursorVersion),
        ];
        try
        {
            await tables.Metrics.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    public async Task ReplaceAsync(
        string templateId, MetricsTotals totals, IReadOnlyDictionary<string, CaseMetricsCursor> cursors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cursors);
        using var span = CaseFyTelemetry.StartStorage("metrics.replace");
        var rows = cursors
            .Select(c => JsonEntity.Create(templateId, CaseRowPrefix + c.Key, c.Value, StorageJsonContext.Default.CaseMetricsCursor))
            .Append(JsonEntity.Create(templateId, TotalsRowKey, totals, StorageJsonContext.Default.MetricsTotals));
        foreach (var batch in rows.Chunk(MaxBatch))
        {
            await tables.Metrics.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), cancellationToken);
        }
    }

    // A row read with a version is replaced only if unchanged; a row read as missing is added only if still missing.
    private static TableTransactionAction Write(TableEntity row, string? version) => version is null
        ? new TableTransactionAction(TableTransactionActionType.Add, row)
        : new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, new ETag(version));
}
