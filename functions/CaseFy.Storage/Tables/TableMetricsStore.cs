using Azure;
using Azure.Data.Tables;
using CaseFy.Model.Metrics;
using CaseFy.Model.Ports;
using CaseFy.Telemetry;

namespace CaseFy.Storage.Tables;

/// <summary>
/// One partition per template in <see cref="CaseFyTables.Metrics"/>: the row <c>totals</c> and a row <c>case-{id}</c>
/// per counted case. Both rows of a change go in one entity-group transaction with their ETags, so a change is
/// counted once even when two publishers race or one dies halfway. The rows this process last read or wrote are kept
/// with their ETags (<see cref="KnownRows"/>): the publisher reads a case's rows before and while it counts each batch,
/// and the template's totals for every case, and those reads come from the kept copies; a copy another process made
/// stale fails its conditional write, is forgotten and read again. <see cref="GetTotalsAsync"/> always reads storage.
/// </summary>
public sealed class TableMetricsStore(CaseFyTables tables) : IMetricsStore
{
    private const string TotalsRowKey = "totals";
    private const string CaseRowPrefix = "case-";

    // Entity-group transactions hold at most 100 operations.
    private const int MaxBatch = 100;

    private readonly KnownRows _known = new();

    public async Task<MetricsTotals> GetTotalsAsync(string templateId, CancellationToken cancellationToken)
    {
        using var span = CaseFyTelemetry.StartStorage("metrics.read");
        var row = await tables.Metrics.GetEntityIfExistsAsync<TableEntity>(templateId, TotalsRowKey, cancellationToken: cancellationToken);
        return row.HasValue ? JsonEntity.Read(row.Value!, StorageJsonContext.Default.MetricsTotals) : new MetricsTotals();
    }

    public async Task<MetricsSnapshot> ReadAsync(string templateId, string caseId, CancellationToken cancellationToken)
    {
        using var span = CaseFyTelemetry.StartStorage("metrics.read", caseId);
        var totals = RowAsync(templateId, TotalsRowKey, cancellationToken);
        var cursor = RowAsync(templateId, CaseRowPrefix + caseId, cancellationToken);
        var (totalsRow, cursorRow) = (await totals, await cursor);
        return new MetricsSnapshot(
            templateId,
            caseId,
            totalsRow.Entity is { } totalsEntity ? JsonEntity.Read(totalsEntity, StorageJsonContext.Default.MetricsTotals) : new MetricsTotals(),
            cursorRow.Entity is { } cursorEntity ? JsonEntity.Read(cursorEntity, StorageJsonContext.Default.CaseMetricsCursor) : new CaseMetricsCursor(),
            totalsRow.Version,
            cursorRow.Version);
    }

    public Task<MetricsSnapshot> ReadNewCaseAsync(string templateId, string caseId, CancellationToken cancellationToken)
    {
        if (!_known.TryGet(templateId, CaseRowPrefix + caseId, out _))
        {
            // Taken as missing: the write adds the row, which fails if it is there after all (then it is read).
            _known.Keep(templateId, CaseRowPrefix + caseId, new KnownRow(null, null));
        }

        return ReadAsync(templateId, caseId, cancellationToken);
    }

    public async Task<bool> TryWriteAsync(MetricsSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var span = CaseFyTelemetry.StartStorage("metrics.write", snapshot.CaseId);
        var totals = JsonEntity.Create(snapshot.TemplateId, TotalsRowKey, snapshot.Totals, StorageJsonContext.Default.MetricsTotals);
        var cursor = JsonEntity.Create(snapshot.TemplateId, CaseRowPrefix + snapshot.CaseId, snapshot.Cursor, StorageJsonContext.Default.CaseMetricsCursor);

        // Forgotten first: whatever happens to this write (refused, failed, unknown), the next read asks storage.
        _known.Forget(totals.PartitionKey, totals.RowKey);
        _known.Forget(cursor.PartitionKey, cursor.RowKey);
        try
        {
            var written = await tables.Metrics.SubmitTransactionAsync([Write(totals, snapshot.TotalsVersion), Write(cursor, snapshot.CursorVersion)], cancellationToken);
            Keep(totals, written.Value[0]);
            Keep(cursor, written.Value[1]);
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
            foreach (var row in batch)
            {
                _known.Forget(row.PartitionKey, row.RowKey);
            }

            await tables.Metrics.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), cancellationToken);
        }
    }

    private async Task<KnownRow> RowAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        if (_known.TryGet(partitionKey, rowKey, out var known))
        {
            return known;
        }

        var row = await tables.Metrics.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        known = row.HasValue ? new KnownRow(row.Value!, row.Value!.ETag.ToString()) : new KnownRow(null, null);
        _known.Keep(partitionKey, rowKey, known);
        return known;
    }

    // The row as written, under the ETag the write answered (none answered: not kept, read again next time).
    private void Keep(TableEntity row, Response written)
    {
        if (written.Headers.ETag is { } version)
        {
            _known.Keep(row.PartitionKey, row.RowKey, new KnownRow(row, version.ToString()));
        }
    }

    // A row read with a version is replaced only if unchanged; a row read as missing is added only if still missing.
    private static TableTransactionAction Write(TableEntity row, string? version) => version is null
        ? new TableTransactionAction(TableTransactionActionType.Add, row)
        : new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, new ETag(version));
}
