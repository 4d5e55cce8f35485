using System.Globalization;
using System.Text;
using Azure;
using Azure.Data.Tables;
using CaseFy.Model.Events;
using CaseFy.Model.Ports;
using CaseFy.Model.Timeline;
using CaseFy.Telemetry;
using Microsoft.Extensions.Options;

namespace CaseFy.Storage.Tables;

/// <summary>
/// The outbox in Table Storage. Three places, each written so that a process dying between two steps loses nothing:
/// <list type="number">
/// <item>marker rows <c>ob-{seq}</c> in the case partition, written in the same transaction as the timeline entry;</item>
/// <item>a pointer row per case in <c>{prefix}Outbox</c> (written after that transaction; <see cref="RepairAsync"/>
/// re-creates pointers a dead process never wrote), claimed by a publisher with an ETag-checked lease;</item>
/// <item>the feed <c>{prefix}EventFeed</c>: one row per released entry, keyed <c>{releaseTicks}-{caseId}-{seq}</c>.
/// The release time is stamped on the marker before the feed row is written, so a retry reuses the position.</item>
/// </list>
/// </summary>
public sealed class TableEventOutbox(CaseFyTables tables, TimeProvider time, IOptions<StorageOptions> options) : IEventOutbox
{
    private const string FeedPartition = "feed";
    private const int MaxBatch = 99;

    private readonly TimeSpan _settle = options.Value.EventFeedSettle;

    public async Task<IReadOnlyList<OutboxClaim>> ClaimAsync(int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var claims = new List<OutboxClaim>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {OutboxPointers.Partition}");
        await foreach (var pointer in tables.Outbox.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (pointer.GetDateTimeOffset(OutboxPointers.NotBeforeProperty) is { } notBefore && notBefore > now)
            {
                continue;
            }

            var attempts = pointer.GetInt32(OutboxPointers.FailedAttemptsProperty) ?? 0;
            var claimed = new TableEntity(OutboxPointers.Partition, pointer.RowKey) { [OutboxPointers.NotBeforeProperty] = now + lease };
            try
            {
                var response = await tables.Outbox.UpdateEntityAsync(claimed, pointer.ETag, TableUpdateMode.Merge, cancellationToken);
                claims.Add(new OutboxClaim(pointer.RowKey, response.Headers.ETag!.Value.ToString(), attempts));
            }
            catch (RequestFailedException ex) when (ex.Status is 412 or 404)
            {
                // Another publisher claimed it first, or it was just released.
            }

            if (claims.Count == max)
            {
                break;
            }
        }

        return claims;
    }

    public async Task<IReadOnlyList<OutboxEntry>> ReadDueAsync(string caseId, int max, CancellationToken cancellationToken)
    {
        using var span = CaseFyTelemetry.StartStorage("outbox.read", caseId);
        var markers = await TableQueries.TakeAsync(OutboxMarkers.RangeFilter(caseId), tables.Cases, Math.Min(max, MaxBatch), cancellationToken);
        return markers.Select(m => new OutboxEntry(
            JsonEntity.Read(m, StorageJsonContext.Default.TimelineEntry), m.GetString(OutboxMarkers.FeedKeyProperty), m.ETag.ToString())).ToList();
    }

    public async Task AppendToFeedAsync(string caseId, IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        using var span = CaseFyTelemetry.StartStorage("outbox.release", caseId);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        // The markers as ReadDueAsync read them (no second query): a stamp is ETag-checked against that read.
        var now = time.GetUtcNow();
        var stamps = new List<TableTransactionAction>();
        var feedRows = new List<TableTransactionAction>();
        foreach (var (entry, position, version) in entries)
        {
            var feedKey = position;
            if (feedKey is null || (FeedKeyTime(feedKey) < now - (_settle / 2) && !await FeedRowExistsAsync(feedKey, cancellationToken)))
            {
                // Never released, or released so long ago that readers may have passed its position without the
                // row being there: (re)stamp it now, so the row appears ahead of every cursor already handed out.
                feedKey = FeedKey(now, entry);
                stamps.Add(new TableTransactionAction(
                    TableTransactionActionType.UpdateMerge,
                    new TableEntity(caseId, OutboxMarkers.RowKey(entry.Seq)) { [OutboxMarkers.FeedKeyProperty] = feedKey },
                    new ETag(version)));
            }

            feedRows.Add(new TableTransactionAction(
                TableTransactionActionType.UpsertReplace,
                JsonEntity.Create(FeedPartition, feedKey, LifecycleEvents.From(entry), StorageJsonContext.Default.LifecycleEvent)));
        }

        if (stamps.Count > 0)
        {
            await tables.Cases.SubmitTransactionAsync(stamps, cancellationToken);
        }

        if (feedRows.Count > 0)
        {
            await tables.EventFeed.SubmitTransactionAsync(feedRows, cancellationToken);
        }
    }

    public async Task MarkPublishedAsync(string caseId, IReadOnlyList<TimelineEntry> entries, CancellationToken cancellationToken)
    {
        using var span = CaseFyTelemetry.StartStorage("outbox.mark_published", caseId);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        try
        {
            await tables.Cases.SubmitTransactionAsync(
                entries.Select(e => new TableTransactionAction(
                    TableTransactionActionType.Delete, new TableEntity(caseId, OutboxMarkers.RowKey(e.Seq)), ETag.All)),
                cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 404)
        {
            // Some were already removed (a retry after a crash): remove the rest one by one.
            foreach (var entry in entries)
            {
                await tables.Cases.DeleteEntityAsync(caseId, OutboxMarkers.RowKey(entry.Seq), ETag.All, cancellationToken);
            }
        }
    }

    public async Task ReleaseAsync(OutboxClaim claim, bool drained, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (drained)
        {
            try
            {
                // Only if untouched since the claim: a change that appended entries meanwhile changed the ETag.
                await tables.Outbox.DeleteEntityAsync(OutboxPointers.Partition, claim.CaseId, new ETag(claim.Version), cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // New entries arrived while publishing: keep the case due.
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                return;
            }
        }

        await SetPointerAsync(claim.CaseId, notBefore: DateTimeOffset.UnixEpoch, failedAttempts: 0, cancellationToken);
    }

    public Task DeferAsync(OutboxClaim claim, TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return SetPointerAsync(claim.CaseId, time.GetUtcNow() + retryAfter, claim.FailedAttempts + 1, cancellationToken);
    }

    public async Task<int> RepairAsync(CancellationToken cancellationToken)
    {
        // A scan over every partition: costly on a big table, which is why it only runs now and then.
        var filter = TableClient.CreateQueryFilter($"RowKey ge {OutboxMarkers.Prefix} and RowKey lt {OutboxMarkers.End}");
        var cases = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var marker in tables.Cases.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            cases.Add(marker.PartitionKey);
        }

        var repaired = 0;
        foreach (var caseId in cases)
        {
            var pointer = await tables.Outbox.GetEntityIfExistsAsync<TableEntity>(
                OutboxPointers.Partition, caseId, cancellationToken: cancellationToken);
            if (!pointer.HasValue)
            {
                await OutboxPointers.TouchAsync(tables, caseId, cancellationToken);
                repaired++;
            }
        }

        return repaired;
    }

    public async Task<EventFeedPage> ReadFeedAsync(string? cursor, int pageSize, CancellationToken cancellationToken)
    {
        using var span = CaseFyTelemetry.StartStorage("feed.read");
        var after = cursor is null ? string.Empty : DecodeCursor(cursor);

        // Rows released within the settle window stay hidden: a release still being written by another process
        // may get a position just before them, and a reader must never have moved past a row that appears later.
        var visibleBefore = (time.GetUtcNow() - _settle).UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {FeedPartition} and RowKey gt {after} and RowKey lt {visibleBefore}");
        var rows = await TableQueries.TakeAsync(filter, tables.EventFeed, pageSize, cancellationToken);
        var items = rows.Select(r => JsonEntity.Read(r, StorageJsonContext.Default.LifecycleEvent)).ToList();
        var next = rows.Count > 0 ? EncodeCursor(rows[^1].RowKey) : cursor ?? EncodeCursor(string.Empty);
        return new EventFeedPage(items, next);
    }

    private static string FeedKey(DateTimeOffset releasedAt, TimelineEntry entry) =>
        string.Create(CultureInfo.InvariantCulture, $"{releasedAt.UtcTicks:D19}-{entry.CaseId}-{entry.Seq:D12}");

    private static DateTimeOffset FeedKeyTime(string feedKey) =>
        new(long.Parse(feedKey.AsSpan(0, 19), CultureInfo.InvariantCulture), TimeSpan.Zero);

    private async Task<bool> FeedRowExistsAsync(string feedKey, CancellationToken cancellationToken) =>
        (await tables.EventFeed.GetEntityIfExistsAsync<TableEntity>(FeedPartition, feedKey, select: ["RowKey"], cancellationToken: cancellationToken)).HasValue;

    private async Task SetPointerAsync(string caseId, DateTimeOffset notBefore, int failedAttempts, CancellationToken cancellationToken) =>
        await tables.Outbox.UpsertEntityAsync(
            new TableEntity(OutboxPointers.Partition, caseId)
            {
                [OutboxPointers.NotBeforeProperty] = notBefore,
                [OutboxPointers.FailedAttemptsProperty] = failedAttempts,
            },
            TableUpdateMode.Merge,
            cancellationToken);

    // The cursor is the last feed row key read, base64url-encoded: opaque to consumers, stable across restarts.
    private static string EncodeCursor(string rowKey) =>
        "c" + Convert.ToBase64String(Encoding.UTF8.GetBytes(rowKey)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string DecodeCursor(string cursor)
    {
        if (cursor is not ['c', ..] || cursor.Length > 200)
        {
            throw new FormatException("Not a cursor of the events feed.");
        }

        var base64 = cursor[1..].Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var rowKey = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        return rowKey.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? rowKey
            : throw new FormatException("Not a cursor of the events feed.");
    }
}
