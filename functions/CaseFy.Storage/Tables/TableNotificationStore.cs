using System.Globalization;
using Azure;
using Azure.Data.Tables;
using CaseFy.Model.Notifications;
using CaseFy.Model.Ports;

namespace CaseFy.Storage.Tables;

/// <summary>
/// Notifications in <c>{prefix}Notifications</c>: one partition per person, row key = the notification id (newest
/// first), the notification as JSON, a <c>Read</c> column the unread filter and count query, and a <c>Digest</c>
/// column: the id of the daily digest that took it, empty until one does (rows written before the column existed have
/// none: a digest takes those by their entry time only, as the digests before them did). Row <c>digests</c> of the
/// person's partition (above every notification: their keys start with a digit) keeps <c>SealedThrough</c>, the last
/// digest whose mail is written; every marking goes in one transaction with an ETag-checked write of that row, so a
/// seal and a marking are ordered, and nothing is put into a sealed digest. Partition <c>cursor</c> holds one row per
/// case: the last timeline entry already turned into notifications.
/// </summary>
public sealed class TableNotificationStore(CaseFyTables tables) : INotificationStore
{
    private const string ReadColumn = "Read";
    private const string DigestColumn = "Digest";
    private const string DigestsRow = "digests";
    private const string SealedThroughColumn = "SealedThrough";
    private const string CursorPartition = "cursor";
    private const string SeqColumn = "Seq";
    private const int MaxBatch = 100;

    // The character after '9': every notification's key (19 digits first) sorts below it, the digests row above.
    private const string NotificationKeysEnd = ":";

    public async Task AddAsync(IReadOnlyList<(string PersonId, Notification Notification)> notifications, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        foreach (var (personId, notification) in notifications)
        {
            var row = JsonEntity.Create(PersonPartitionKey.Of(personId), notification.Id, notification, StorageJsonContext.Default.Notification);
            row[ReadColumn] = false;
            row[DigestColumn] = string.Empty;
            try
            {
                await tables.Notifications.AddEntityAsync(row, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Added before (a batch handled again): keep it as it is, read or not.
            }
        }
    }

    public async Task<CaseFy.Model.Page<Notification>> ListAsync(
        string personId, bool unreadOnly, string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        if (continuationToken is not null && !IsRowKey(continuationToken))
        {
            throw new FormatException("Not a continuation token of this list.");
        }

        var filter = TableClient.CreateQueryFilter(
                $"PartitionKey eq {PersonPartitionKey.Of(personId)} and RowKey gt {continuationToken ?? string.Empty} and RowKey lt {NotificationKeysEnd}")
            + (unreadOnly ? $" and {ReadColumn} eq false" : string.Empty);
        var rows = await TableQueries.TakeAsync(filter, tables.Notifications, pageSize + 1, cancellationToken);
        var items = rows.Take(pageSize).Select(Read).ToList();
        return new CaseFy.Model.Page<Notification>(items, rows.Count > pageSize ? rows[pageSize - 1].RowKey : null);
    }

    public async Task<Notification?> GetAsync(string personId, string notificationId, CancellationToken cancellationToken)
    {
        if (!IsRowKey(notificationId))
        {
            return null;
        }

        var row = await tables.Notifications.GetEntityIfExistsAsync<TableEntity>(
            PersonPartitionKey.Of(personId), notificationId, cancellationToken: cancellationToken);
        return row.HasValue ? Read(row.Value!) : null;
    }

    public async Task<int> TakeIntoDigestAsync(
        string personId, string digestId, DateTimeOffset reachBack, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var partition = PersonPartitionKey.Of(personId);
        var after = NotificationRules.KeyPrefixOf(since);   // a key below it: an entry after since
        while (true)
        {
            var digests = await DigestsRowAsync(partition, cancellationToken);
            if (IsSealed(digests, digestId))
            {
                return 0;
            }

            var held = 0;
            var taking = new List<string>();
            await foreach (var row in tables.Notifications.QueryAsync<TableEntity>(
                EntriesBetween(partition, reachBack, until), select: ["RowKey", DigestColumn], cancellationToken: cancellationToken))
            {
                var digest = row.GetString(DigestColumn);
                if (digest == digestId)
                {
                    held++;
                }
                else if (digest is { Length: 0 } || (digest is null && string.CompareOrdinal(row.RowKey, after) < 0))
                {
                    taking.Add(row.RowKey);
                }
            }

            if (taking.Count == 0)
            {
                return held;
            }

            // The digests row's ETag orders this marking and the seal (and other markings): whichever writes it second
            // fails, and a marking that fails looks again (sealed meanwhile: it marks nothing).
            var guard = digests is null
                ? new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, DigestsRow) { [SealedThroughColumn] = string.Empty })
                : new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity(partition, DigestsRow), digests.ETag);
            var chunk = taking.Take(MaxBatch - 1).ToList();
            try
            {
                await tables.Notifications.SubmitTransactionAsync(
                    [guard, .. chunk.Select(rowKey => new TableTransactionAction(
                        TableTransactionActionType.UpdateMerge, new TableEntity(partition, rowKey) { [DigestColumn] = digestId }, ETag.All))],
                    cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                continue;   // another marking, or the seal, came first
            }

            if (chunk.Count == taking.Count)
            {
                return held + taking.Count;
            }
        }
    }

    public async Task SealDigestAsync(string personId, string digestId, CancellationToken cancellationToken)
    {
        var partition = PersonPartitionKey.Of(personId);
        while (true)
        {
            var digests = await DigestsRowAsync(partition, cancellationToken);
            if (IsSealed(digests, digestId))
            {
                return;
            }

            var sealedRow = new TableEntity(partition, DigestsRow) { [SealedThroughColumn] = digestId };
            try
            {
                await (digests is null
                    ? tables.Notifications.AddEntityAsync(sealedRow, cancellationToken)
                    : tables.Notifications.UpdateEntityAsync(sealedRow, digests.ETag, TableUpdateMode.Merge, cancellationToken));
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // A marking (or another seal) came first: look again.
            }
        }
    }

    public async Task<IReadOnlyList<Notification>> ListDigestAsync(
        string personId, string digestId, DateTimeOffset after, int max, CancellationToken cancellationToken)
    {
        var filter = EntriesBetween(PersonPartitionKey.Of(personId), after, DateTimeOffset.MaxValue) + TableClient.CreateQueryFilter($" and Digest eq {digestId}");
        return [.. (await TableQueries.TakeAsync(filter, tables.Notifications, max, cancellationToken)).Select(Read)];
    }

    public async Task<bool> MarkReadAsync(string personId, string notificationId, CancellationToken cancellationToken)
    {
        if (!IsRowKey(notificationId))
        {
            return false;
        }

        try
        {
            await tables.Notifications.UpdateEntityAsync(
                new TableEntity(PersonPartitionKey.Of(personId), notificationId) { [ReadColumn] = true }, ETag.All, TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    public async Task<int> MarkAllReadAsync(string personId, CancellationToken cancellationToken)
    {
        var partition = PersonPartitionKey.Of(personId);
        var unread = await UnreadKeysAsync(partition, cancellationToken);
        foreach (var chunk in unread.Chunk(MaxBatch))
        {
            await tables.Notifications.SubmitTransactionAsync(
                chunk.Select(rowKey => new TableTransactionAction(
                    TableTransactionActionType.UpdateMerge, new TableEntity(partition, rowKey) { [ReadColumn] = true }, ETag.All)),
                cancellationToken);
        }

        return unread.Count;
    }

    public async Task<int> CountUnreadAsync(string personId, CancellationToken cancellationToken) =>
        (await UnreadKeysAsync(PersonPartitionKey.Of(personId), cancellationToken)).Count;

    public async Task<long> GetCursorAsync(string caseId, CancellationToken cancellationToken)
    {
        var row = await tables.Notifications.GetEntityIfExistsAsync<TableEntity>(CursorPartition, caseId, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetInt64(SeqColumn) ?? 0 : 0;
    }

    public Task SetCursorAsync(string caseId, long seq, CancellationToken cancellationToken) =>
        tables.Notifications.UpsertEntityAsync(
            new TableEntity(CursorPartition, caseId) { [SeqColumn] = seq }, TableUpdateMode.Replace, cancellationToken);

    private async Task<List<string>> UnreadKeysAsync(string partition, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {NotificationKeysEnd}") + $" and {ReadColumn} eq false";
        await foreach (var row in tables.Notifications.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(row.RowKey);
        }

        return keys;
    }

    private async Task<TableEntity?> DigestsRowAsync(string partition, CancellationToken cancellationToken)
    {
        var row = await tables.Notifications.GetEntityIfExistsAsync<TableEntity>(partition, DigestsRow, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    // Digest ids of one person sort by their day: sealing one seals the earlier ones too.
    private static bool IsSealed(TableEntity? digests, string digestId) =>
        digests?.GetString(SealedThroughColumn) is { } sealedThrough && string.CompareOrdinal(digestId, sealedThrough) <= 0;

    // Row keys start with the entry's inverted time: entries in (after, upTo] are a key range, newest first.
    private static string EntriesBetween(string partition, DateTimeOffset after, DateTimeOffset upTo) =>
        TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey ge {NotificationRules.KeyPrefixOf(upTo)} and RowKey lt {NotificationRules.KeyPrefixOf(after)}");

    private static Notification Read(TableEntity row) =>
        JsonEntity.Read(row, StorageJsonContext.Default.Notification) with { Read = row.GetBoolean(ReadColumn) ?? false };

    // Notification ids are 19 digits, '-', then a timeline entry id: digits, lowercase hex and '-'.
    private static bool IsRowKey(string value) =>
        value.Length is > 20 and < 100 && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f' || c == '-')
        && long.TryParse(value.AsSpan(0, 19), NumberStyles.None, CultureInfo.InvariantCulture, out _);
}
