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
/// none: a digest takes those by their entry time only, as the digests before them did). Partition
/// <c>cursor</c> holds one row per case: the last timeline entry already turned into notifications.
/// </summary>
public sealed class TableNotificationStore(CaseFyTables tables) : INotificationStore
{
    private const string ReadColumn = "Read";
    private const string DigestColumn = "Digest";
    private const string CursorPartition = "cursor";
    private const string SeqColumn = "Seq";
    private const int MaxBatch = 100;

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

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PersonPartitionKey.Of(personId)} and RowKey gt {continuationToken ?? string.Empty}")
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

        foreach (var chunk in taking.Chunk(MaxBatch))
        {
            await tables.Notifications.SubmitTransactionAsync(
                chunk.Select(rowKey => new TableTransactionAction(
                    TableTransactionActionType.UpdateMerge, new TableEntity(partition, rowKey) { [DigestColumn] = digestId }, ETag.All)),
                cancellationToken);
        }

        return held + taking.Count;
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
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}") + $" and {ReadColumn} eq false";
        await foreach (var row in tables.Notifications.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(row.RowKey);
        }

        return keys;
    }

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
