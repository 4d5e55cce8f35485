using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

using Azure.Data.Tables;
using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Ports;
using CaseFy.Model.Timeline;
using CaseFy.Telemetry;

namespace CaseFy.Storage.Tables;

/// <summary>
/// Cases in Table Storage. A case's partition holds its row (<c>case</c>) and its timeline (<c>tl-{seq}</c>);
/// a change replaces the case row (ETag-checked) and adds its entries in one entity-group transaction, so
/// there are no partial writes and no lost updates. Lifecycle entries also get an outbox marker
/// (<c>ob-{seq}</c>) in that same transaction, then the case's outbox pointer is touched (see <see cref="TableEventOutbox"/>).
/// <para>
/// The case index holds copies of each case row: in partition <c>cases</c> (every case, for admins), in a partition
/// per participant (<c>a-{id}</c>, the cases that person takes part in), so a person's list reads only their own rows,
/// and while the case is open in its template's board partition for its stage (<c>board-{template}.{stage}</c>), so a
/// board reads only the open cases it shows. All are written right after the case row, by the same code path:
/// eventually consistent. The case row itself lists the partitions but <c>cases</c> that may hold a copy (written with
/// the case, before the copies): those of every participant it ever had, and the boards of its stage and of the
/// version it replaced. A writer writes the copies of the version it stored and removes the copies from the
/// partitions the case no longer belongs in (a removed participant, a stage left, a case closed or on hold) among those
/// its version and the version before it list, then reads the case row again: if its ETag is no longer the one this
/// writer's transaction gave it, another writer changed the case meanwhile, so the writer does the same again for the
/// row as read, also removing any copy it wrote itself that the newer version does not want, and so on (bounded). A
/// writer stops only on reading back the version it wrote; so any writer still writing an older version after the
/// newest was stored goes on to write the newest too, and whichever writer comes last leaves the newest copies
/// everywhere. <see cref="UpdateAsync"/> runs the caller's next step (the signal to the orchestration) at the same time
/// as these writes and returns when both are done: the orchestration's own change can then race them, which the
/// re-read settles. Whatever a writer's crash leaves (a copy missing, stale or one too many) is repaired by the case's
/// next change, which removes what the crashed writer should have removed (listed by the version before its own); a
/// former participant's copy always (their partitions stay listed); a left stage's board copy unless the writer of the
/// next change dies before its removals too. Boards used to stay listed as well, so a case that had passed many stages
/// paid a removal per stage left on every change; a row listed that way is cleaned in full by its next change.
/// </para>
/// </summary>
public sealed class TableCaseStore(CaseFyTables tables) : ICaseStore
{
    private const string CaseRowKey = "case";
    private const string TimelinePrefix = "tl-";
    private const string IndexPartition = "cases";
    private const string IndexedColumn = "IndexedIn";
    private const string MarkerPartition = "meta";
    private const string ParticipantIndexMarker = "participant-index-v1";
    private const string BoardIndexMarker = "board-index-v1";
    private const string BoardPrefix = "board-";
    private const int MaxAttempts = 25;

    // Rounds of index writes one change makes at most while other writers keep changing the case (see IndexAsync).
    private const int MaxIndexRounds = 5;

    // The most index rows one page of a title search reads before it answers (with fewer items and a token).
    private const int MaxIndexRowsScanned = 1000;

    public async Task<bool> CreateAsync(CaseChange opened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opened);
        using var span = CaseFyTelemetry.StartStorage("case.create", opened.Case.Id);
        var entity = CaseEntity(opened.Case, []);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, entity) };
        actions.AddRange(TimelineActions(opened.Entries));
        Azure.Response<IReadOnlyList<Azure.Response>> committed;
        try
        {
            committed = await tables.Cases.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }

        CaseFyMetrics.RecordCommitted(opened.Entries);
        await AfterCommitAsync(null, Stored(opened.Case, entity, committed), opened.Entries, cancellationToken);
        return true;
    }

    public async Task<CaseRecord?> GetAsync(string caseId, CancellationToken cancellationToken)
    {
        using var span = CaseFyTelemetry.StartStorage("case.read", caseId);
        var row = await tables.Cases.GetEntityIfExistsAsync<TableEntity>(caseId, CaseRowKey, cancellationToken: cancellationToken);
        return row.HasValue ? Stored(row.Value!).Case : null;
    }

    public async Task<CaseRecord?> UpdateAsync(
        string caseId,
        Func<CaseRecord, CaseChange?> decide,
        CaseRecord? read,
        Func<CaseRecord, CancellationToken, Task>? onStored,
        CancellationToken cancellationToken)
    {
        using var span = CaseFyTelemetry.StartStorage("case.update", caseId);
        ArgumentNullException.ThrowIfNull(decide);
        var handed = read?.Id == caseId ? StoredCaseRow.Named(read) : null;
        for (var attempt = 1; ; attempt++)
        {
            // The case the caller handed over is tried first, unread; only the ETag check below trusts a decision on it.
            var fromCaller = handed is not null;
            var current = handed ?? await ReadRowAsync(caseId, cancellationToken);
            handed = null;
            if (current is null)
            {
                return null;
            }

            CaseChange? change;
            try
            {
                change = decide(current.Case);
            }
            catch (Exception) when (fromCaller)
            {
                // Refused on the caller's copy: decide again on the stored case, which may have moved on since.
                continue;
            }

            if (change is null)
            {
                if (fromCaller)
                {
                    continue;
                }

                await RunAsync(onStored, current.Case, cancellationToken);
                return current.Case;
            }

            var entity = CaseEntity(change.Case, current.IndexedIn.Where(p => !IsBoardPartition(p)).Concat(CopyPartitions(current.Case)));
            var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, entity, current.ETag) };
            actions.AddRange(TimelineActions(change.Entries));
            Azure.Response<IReadOnlyList<Azure.Response>> committed;
            try
            {
                committed = await tables.Cases.SubmitTransactionAsync(actions, cancellationToken);
            }
            catch (Azure.RequestFailedException ex) when (ex.Status is 412 or 409 && attempt < MaxAttempts)
            {
                // Someone changed the case since it was read: decide again on the newer state (at once, if it was the
                // caller's copy that was stale, so the store has not read it yet).
                if (!fromCaller)
                {
                    await Task.Delay(Random.Shared.Next(2, 10 * attempt), cancellationToken);
                }

                continue;
            }

            CaseFyMetrics.RecordCommitted(change.Entries);

            // The caller's next step (e.g. the signal to the orchestration) need not wait for the index copies; the call
            // returns when both are done, so neither is left behind.
            var stored = Stored(change.Case, entity, committed);
            await Task.WhenAll(
                AfterCommitAsync(current, stored, change.Entries, cancellationToken),
                RunAsync(onStored, stored.Case, cancellationToken));
            return stored.Case;
        }
    }

    public async Task<Page<TimelineEntry>> GetTimelineAsync(
        string caseId, long afterSeq, int pageSize, CancellationToken cancellationToken)
    {
        using var span = CaseFyTelemetry.StartStorage("timeline.read", caseId);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {caseId} and RowKey gt {TimelineRowKey(afterSeq)} and RowKey lt {TimelinePrefix + "~"}");
        var items = await TableQueries.TakeAsync(filter, tables.Cases, pageSize + 1, cancellationToken);
        var entries = items.Select(e => JsonEntity.Read(e, StorageJsonContext.Default.TimelineEntry)).ToList();
        return entries.Count > pageSize
            ? new Page<TimelineEntry>(entries[..pageSize], entries[pageSize - 1].Seq.ToString(CultureInfo.InvariantCulture))
            : new Page<TimelineEntry>(entries, null);
    }

    public async IAsyncEnumerable<TimelineEntry> ReadTimelineAsync(
        string caseId, long afterSeq, long? beforeSeq, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var upper = beforeSeq is long before ? TimelineRowKey(before) : TimelinePrefix + "~";
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {caseId} and RowKey gt {TimelineRowKey(afterSeq)} and RowKey lt {upper}");

        // The SDK fetches the next page (up to 1,000 rows) only when this one has been consumed.
        await foreach (var row in tables.Cases.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            yield return JsonEntity.Read(row, StorageJsonContext.Default.TimelineEntry);
        }
    }

    public async Task<Page<CaseRecord>> FindAsync(
        CaseFilter filter, string? participantId, string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        using var span = CaseFyTelemetry.StartStorage("case.list");
        ArgumentNullException.ThrowIfNull(filter);
        var partition = participantId is null ? IndexPartition : PersonPartition(participantId);
        var after = continuationToken is null ? string.Empty : DecodeIndexToken(continuationToken);
        var items = new List<CaseRecord>(pageSize);
        var scanned = 0;
        string? lastKey = null;
        var perRequest = filter.TitleContains is null && filter.Fields is null ? pageSize + 1 : MaxIndexRowsScanned;
        await foreach (var row in tables.CaseIndex.QueryAsync<TableEntity>(
            CaseIndexQuery.Filter(partition, after, filter), maxPerPage: perRequest, cancellationToken: cancellationToken))
        {
            // A full page, or the scan budget spent on rows the title text rejected: go on from here next time.
            if (items.Count == pageSize || scanned == MaxIndexRowsScanned)
            {
                return new Page<CaseRecord>(items, EncodeIndexToken(lastKey!));
            }

            scanned++;
            lastKey = row.RowKey;
            if (CaseIndexQuery.MatchesTitle(row, filter) && JsonEntity.Read(row, StorageJsonContext.Default.CaseRecord) is var record
                && filter.Fields?.Matches(record) != false)
            {
                items.Add(record);
            }
        }

        return new Page<CaseRecord>(items, null);
    }

    public async IAsyncEnumerable<CaseRecord> ScanAsync(CaseFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await foreach (var row in tables.CaseIndex.QueryAsync<TableEntity>(
            CaseIndexQuery.Filter(IndexPartition, string.Empty, filter), maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            if (CaseIndexQuery.MatchesTitle(row, filter) && JsonEntity.Read(row, StorageJsonContext.Default.CaseRecord) is var record
                && filter.Fields?.Matches(record) != false)
            {
                yield return record;
            }
        }
    }

    public async Task<OpenCasesInStage> ReadOpenInStageAsync(string templateId, string stageKey, int take, CancellationToken cancellationToken)
    {
        using var span = CaseFyTelemetry.StartStorage("case.board");
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {BoardPartition(templateId, stageKey)}");
        var rows = await TableQueries.TakeAsync(filter, tables.CaseIndex, take + 1, cancellationToken);
        var newest = rows.Take(take).Select(e => JsonEntity.Read(e, StorageJsonContext.Default.CaseRecord)).ToList();
        if (rows.Count <= take)
        {
            return new OpenCasesInStage(newest.Count, newest);
        }

        // More than the cards: count the rest by key alone (no case bodies read).
        var count = 0;
        await foreach (var unused in tables.CaseIndex.QueryAsync<TableEntity>(
            filter, maxPerPage: 1000, select: [nameof(TableEntity.RowKey)], cancellationToken: cancellationToken))
        {
            count++;
        }

        return new OpenCasesInStage(count, newest);
    }

    public async Task<Page<TaskSummary>> ListOpenTasksAsync(
        string assigneeId, string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        using var span = CaseFyTelemetry.StartStorage("task.list");
        ArgumentNullException.ThrowIfNull(assigneeId);
        var after = continuationToken is null ? string.Empty : DecodeIndexToken(continuationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PersonPartition(assigneeId)} and RowKey gt {after}");
        var rows = await TableQueries.TakeAsync(filter, tables.TaskIndex, pageSize + 1, cancellationToken);
        var tasks = rows.Take(pageSize).Select(e => JsonEntity.Read(e, StorageJsonContext.Default.TaskSummary)).ToList();
        var next = rows.Count > pageSize ? EncodeIndexToken(rows[pageSize - 1].RowKey) : null;
        return new Page<TaskSummary>(tasks, next);
    }

    /// <summary>
    /// Once per installation (a marker row records it): gives each participant of the cases indexed before the
    /// per-participant rows existed their row, from the admins' copy. Rows already there are left as they are (newer).
    /// </summary>
    public async Task IndexParticipantsOnceAsync(CancellationToken cancellationToken)
    {
        if ((await tables.CaseIndex.GetEntityIfExistsAsync<TableEntity>(MarkerPartition, ParticipantIndexMarker, cancellationToken: cancellationToken)).HasValue)
        {
            return;
        }

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {IndexPartition}");
        await foreach (var row in tables.CaseIndex.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            var record = JsonEntity.Read(row, StorageJsonContext.Default.CaseRecord);
            foreach (var participant in record.Participants)
            {
                try
                {
                    await tables.CaseIndex.AddEntityAsync(IndexRow(PersonPartition(participant.Id), row.RowKey, record), cancellationToken);
                }
                catch (Azure.RequestFailedException ex) when (ex.Status == 409)
                {
                    // Written by a change since: newer than the admins' copy read here.
                }
            }
        }

        await tables.CaseIndex.UpsertEntityAsync(new TableEntity(MarkerPartition, ParticipantIndexMarker), cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Once per installation (a marker row records it): gives each case that was open before the board index existed
    /// its board row. Each case row is read afresh, its list of indexed partitions extended first (ETag-checked, as a
    /// change writes it), then the copy added and stale copies removed as after any change: a change racing with this
    /// pass leaves the same rows it would have left alone. Safe to run again after a crash midway.
    /// </summary>
    public async Task IndexBoardsOnceAsync(CancellationToken cancellationToken)
    {
        if ((await tables.CaseIndex.GetEntityIfExistsAsync<TableEntity>(MarkerPartition, BoardIndexMarker, cancellationToken: cancellationToken)).HasValue)
        {
            return;
        }

        var open = CaseIndexQuery.Filter(IndexPartition, string.Empty, new CaseFilter(Status: CaseStatus.Open));
        await foreach (var row in tables.CaseIndex.QueryAsync<TableEntity>(
            open, maxPerPage: 1000, select: [nameof(TableEntity.RowKey)], cancellationToken: cancellationToken))
        {
            await IndexBoardAsync(CaseIdOf(row.RowKey), cancellationToken);
        }

        await tables.CaseIndex.UpsertEntityAsync(new TableEntity(MarkerPartition, BoardIndexMarker), cancellationToken: cancellationToken);
    }

    private async Task IndexBoardAsync(string caseId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var version = await ReadRowAsync(caseId, cancellationToken);
            if (version is null)
            {
                return;
            }

            var missing = CopyPartitions(version.Case).Except(version.IndexedIn).ToList();
            if (missing.Count > 0)
            {
                // Listed before the copy exists, like a change does, so whoever removes stale copies knows of it.
                var indexedIn = version.IndexedIn.Concat(missing).ToList();
                var listing = new TableEntity(caseId, CaseRowKey) { [IndexedColumn] = IndexedList(indexedIn) };
                try
                {
                    var listed = await tables.Cases.UpdateEntityAsync(listing, version.ETag, TableUpdateMode.Merge, cancellationToken);
                    version = StoredCaseRow.Of(version.Case, indexedIn, listed.Headers.ETag ?? default);
                }
                catch (Azure.RequestFailedException ex) when (ex.Status == 412 && attempt < MaxAttempts)
                {
                    continue;
                }
            }

            // Written as after a change (the case's own tasks are as they were: nothing to change in the task index).
            await IndexAsync(version, version, cancellationToken);
            return;
        }
    }

    // The case row also lists the partitions but "cases" that hold a copy of the case or may still hold one (written with
    // the case, so before any copy): every participant's ever, the board of its stage and that of the version it
    // replaces. Whoever indexes the case later knows which copies may need removing (see IndexAsync).
    private static TableEntity CaseEntity(CaseRecord record, IEnumerable<string> indexedBefore)
    {
        var entity = JsonEntity.Create(record.Id, CaseRowKey, record, StorageJsonContext.Default.CaseRecord);
        entity[IndexedColumn] = IndexedList(indexedBefore.Union(CopyPartitions(record)));
        entity["Status"] = record.Status.ToString();
        entity["Stage"] = record.CurrentStage.Key;
        return entity;
    }

    private static string IndexedList(IEnumerable<string> partitions) => string.Join(' ', partitions.Distinct().Order(StringComparer.Ordinal));

    private static IEnumerable<TableTransactionAction> TimelineActions(IEnumerable<TimelineEntry> entries) =>
        entries.Select(entry =>
        {
            var entity = JsonEntity.Create(entry.CaseId, TimelineRowKey(entry.Seq), entry, StorageJsonContext.Default.TimelineEntry);
            entity["Type"] = entry.Type;
            return new TableTransactionAction(TableTransactionActionType.Add, entity);
        }).Concat(OutboxMarkers.AddActions(entries));

    private static string TimelineRowKey(long seq) => TimelinePrefix + seq.ToString("D12", CultureInfo.InvariantCulture);

    // Inverted ticks sort the newest case first; the case id keeps keys unique.
    private static string IndexRowKey(CaseRecord record) =>
        (DateTimeOffset.MaxValue.UtcTicks - record.CreatedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-" + record.Id;

    private static string CaseIdOf(string indexRowKey) => indexRowKey[(indexRowKey.IndexOf('-', StringComparison.Ordinal) + 1)..];

    private static TableEntity IndexRow(string partition, string rowKey, CaseRecord record) =>
        CaseIndexQuery.WithColumns(JsonEntity.Create(partition, rowKey, record, StorageJsonContext.Default.CaseRecord), record);

    // What follows a stored change: its outbox pointer and the indexes. They are independent of one another, so they
    // are written at once and the caller waits for the slowest, not for the sum.
    private Task AfterCommitAsync(
        StoredCaseRow? before, StoredCaseRow written, IReadOnlyList<TimelineEntry> entries, CancellationToken cancellationToken) =>
        Task.WhenAll(OutboxPointers.TouchAsync(tables, entries, cancellationToken), IndexAsync(before, written, cancellationToken));

    // Brings the case index (and the task index) to the version of the case row this writer stored: the copies written;
    // the copies removed from every partition the case no longer belongs in among those the version before listed, those
    // this version lists and those this writer wrote to; the task rows changed since the version before. Then the case
    // row is read again: when it no longer holds that version, another writer changed the case meanwhile and its writes
    // may have landed before this one's, so the index is written again from the row as read, until a read finds the
    // version just written (at most MaxIndexRounds rounds). Whoever writes last has read the newest version after writing
    // it, so the newest copies are what stays (see the class remarks). A crash, or a case changed more often than the
    // rounds allow, leaves what the next change repairs.
    private async Task IndexAsync(StoredCaseRow? before, StoredCaseRow written, CancellationToken cancellationToken)
    {
        var previous = before?.Case;
        var version = written;
        var mayHoldCopies = new HashSet<string>(before?.IndexedIn ?? [], StringComparer.Ordinal);
        for (var round = 1; ; round++)
        {
            var copies = CopyPartitions(version.Case).ToHashSet(StringComparer.Ordinal);
            mayHoldCopies.UnionWith(version.IndexedIn);
            await Task.WhenAll(
                CopyAsync(version.Case, cancellationToken),
                RemoveCopiesAsync(version.Case, mayHoldCopies.Except(copies).ToList(), cancellationToken),
                TaskIndexAsync(previous, version.Case, cancellationToken));

            // This writer's own copies, should a newer version read below not want them.
            mayHoldCopies.UnionWith(copies);
            if (round == MaxIndexRounds)
            {
                return;
            }

            var row = await ReadRowAsync(version.Case.Id, cancellationToken);
            if (row is null || row.ETag == version.ETag)
            {
                return;
            }

            previous = version.Case;
            version = row;
        }
    }

    // The case's copy for admins, for each participant and (open) for its board.
    private async Task CopyAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        var rowKey = IndexRowKey(record);
        await Task.WhenAll(CopyPartitions(record).Prepend(IndexPartition).Distinct().Select(partition =>
            tables.CaseIndex.UpsertEntityAsync(IndexRow(partition, rowKey, record), TableUpdateMode.Replace, cancellationToken)));
    }

    // Touches other partitions than CopyAsync (those the case no longer belongs in), so the two run at once.
    private Task RemoveCopiesAsync(CaseRecord record, IReadOnlyList<string> partitions, CancellationToken cancellationToken)
    {
        var rowKey = IndexRowKey(record);
        return Task.WhenAll(partitions.Select(partition => TableQueries.DeleteIfExistsAsync(tables.CaseIndex, partition, rowKey, cancellationToken)));
    }

    private async Task<StoredCaseRow?> ReadRowAsync(string caseId, CancellationToken cancellationToken)
    {
        var row = await tables.Cases.GetEntityIfExistsAsync<TableEntity>(caseId, CaseRowKey, cancellationToken: cancellationToken);
        return row.HasValue ? Stored(row.Value!) : null;
    }

    private static StoredCaseRow Stored(TableEntity caseRow) =>
        StoredCaseRow.Of(JsonEntity.Read(caseRow, StorageJsonContext.Default.CaseRecord), IndexedPartitions(caseRow), caseRow.ETag);

    // The case row is the transaction's first action, so its new ETag is in the first response.
    private static StoredCaseRow Stored(CaseRecord record, TableEntity caseRow, Azure.Response<IReadOnlyList<Azure.Response>> transaction) =>
        StoredCaseRow.Of(record, IndexedPartitions(caseRow), transaction.Value[0].Headers.ETag ?? default);

    // Runs the caller's step after a stored change; an exception it throws synchronously ends up in the task, so a
    // Task.WhenAll beside it still waits for the store's own work.
    private static async Task RunAsync(Func<CaseRecord, CancellationToken, Task>? step, CaseRecord stored, CancellationToken cancellationToken)
    {
        if (step is not null)
        {
            await step(stored, cancellationToken);
        }
    }

    private static IEnumerable<string> PersonPartitions(CaseRecord record) => record.Participants.Select(p => PersonPartition(p.Id));

    // Every partition but the admins' that holds a copy of the case now: each participant's, and its stage's board while open.
    private static IEnumerable<string> CopyPartitions(CaseRecord record) =>
        record.Status == CaseStatus.Open
            ? PersonPartitions(record).Append(BoardPartition(record))
            : PersonPartitions(record);

    private static string BoardPartition(CaseRecord record) => BoardPartition(record.TemplateId, record.CurrentStage.Key);

    private static bool IsBoardPartition(string partition) => partition.StartsWith(BoardPrefix, StringComparison.Ordinal);

    // Stage keys hold no '.', so the last '.' separates the two whatever a template id holds.
    private static string BoardPartition(string templateId, string stageKey) => $"{BoardPrefix}{templateId}.{stageKey}";

    private static string[] IndexedPartitions(TableEntity caseRow) =>
        caseRow.GetString(IndexedColumn)?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];

    // Keeps one row per open, assigned task in the assignee's partition: adds and updates what the case has now,
    // removes what it no longer has (completed, reassigned, case closed).
    private async Task TaskIndexAsync(CaseRecord? before, CaseRecord after, CancellationToken cancellationToken)
    {
        // Removals and upserts touch different rows (a key is either gone or kept), so they all go at once.
        var now = TaskSummary.Of(after).ToDictionary(t => (PersonPartition(t.Assignee.Id), TaskRowKey(t)));
        var removals = TaskSummary.Of(before).Select(t => (PersonPartition(t.Assignee.Id), TaskRowKey(t))).Where(k => !now.ContainsKey(k))
            .Select(gone => TableQueries.DeleteIfExistsAsync(tables.TaskIndex, gone.Item1, gone.Item2, cancellationToken));
        var previous = TaskSummary.Of(before).ToHashSet();
        var upserts = now.Where(p => !previous.Contains(p.Value)).Select(p => (Task)tables.TaskIndex.UpsertEntityAsync(
            JsonEntity.Create(p.Key.Item1, p.Key.Item2, p.Value, StorageJsonContext.Default.TaskSummary), TableUpdateMode.Replace, cancellationToken));
        await Task.WhenAll(removals.Concat(upserts));
    }

    private static string PersonPartition(string personId) => PersonPartitionKey.Of(personId);

    private static string TaskRowKey(TaskSummary task) => $"{task.CaseId}-{task.TaskId}";

    private static string EncodeIndexToken(string rowKey) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(rowKey)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string DecodeIndexToken(string token)
    {
        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var rowKey = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        return rowKey.Length is > 20 and < 100 && rowKey.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? rowKey
            : throw new FormatException("Not a continuation token of the case list.");
    }
}
