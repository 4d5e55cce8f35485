using System.Runtime.CompilerServices;
using CaseFy.Application.Events;
using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Ports;
using CaseFy.Model.Templates;
using CaseFy.Model.Timeline;
using CaseFy.Storage.Tables;

namespace CaseFy.IntegrationTests;

/// <summary>
/// How the outbox hands a case to its consumers, on Azurite: from the due entries themselves when they are every entry
/// the consumers need (no timeline read), from one timeline read when the range holds entries that are not due.
/// </summary>
[Collection(EventsTestGroup.Name)]
public sealed class LifecycleConsumersTests(EventsFixture fixture)
{
    private static CaseTemplate Template => IsolatedTables.Template;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HandOutAsync_DueEntriesAreTheWholeRange_HandsThemOutWithoutReadingTheTimeline()
    {
        var (store, outbox) = await NewStoreAsync();
        var caseId = await CaseAsync(store, c => CaseLifecycle.EnterStage(c, Template, DateTimeOffset.UtcNow));
        var due = (await outbox.ReadDueAsync(caseId, 10, Ct)).Select(e => e.Entry).ToList();
        var counting = new CountingTimelineReads(store);
        var recorder = new RecordingConsumer();

        Assert.True(await new LifecycleConsumers(counting, [recorder]).HandOutAsync(caseId, due, Ct));

        Assert.Equal(0, counting.TimelineReads);
        Assert.Equal(2, recorder.Handed.Count);
        Assert.Equal(await StoredAsync(store, caseId), recorder.Handed.Select(e => (e.Seq, e.Type, e.Hash)));
    }

    [Fact]
    public async Task HandOutAsync_RangeHoldsEntriesThatAreNotDue_ReadsTheTimelineOnce()
    {
        var (store, outbox) = await NewStoreAsync();
        var caseId = await CaseAsync(
            store, c => CaseLifecycle.EnterStage(c, Template, DateTimeOffset.UtcNow), c => CaseFlexibility.Comment(c, "Not an event", Actor.System, DateTimeOffset.UtcNow));
        var due = (await outbox.ReadDueAsync(caseId, 10, Ct)).Select(e => e.Entry).ToList();
        var counting = new CountingTimelineReads(store);
        var recorder = new RecordingConsumer();

        Assert.True(await new LifecycleConsumers(counting, [recorder, new RecordingConsumer()]).HandOutAsync(caseId, due, Ct));

        Assert.Equal(1, counting.TimelineReads);
        Assert.Equal(2, due.Count);
        Assert.Equal(TimelineEntryTypes.CommentAdded, recorder.Handed[^1].Type);
        Assert.Equal(await StoredAsync(store, caseId), recorder.Handed.Select(e => (e.Seq, e.Type, e.Hash)));
    }

    private static async Task<string> CaseAsync(TableCaseStore store, params Func<CaseRecord, CaseChange?>[] steps)
    {
        var caseId = Guid.NewGuid().ToString("N");
        await store.CreateAsync(CaseLifecycle.Open(caseId, "Handed out", Template, Actor.System, DateTimeOffset.UtcNow), Ct);
        foreach (var step in steps)
        {
            await store.UpdateAsync(caseId, step, Ct);
        }

        return caseId;
    }

    private static async Task<List<(long Seq, string Type, string Hash)>> StoredAsync(TableCaseStore store, string caseId)
    {
        var stored = new List<(long, string, string)>();
        await foreach (var entry in store.ReadTimelineAsync(caseId, 0, null, Ct))
        {
            stored.Add((entry.Seq, entry.Type, entry.Hash));
        }

        return stored;
    }

    private async Task<(TableCaseStore Store, TableEventOutbox Outbox)> NewStoreAsync()
    {
        var (tables, options) = await IsolatedTables.CreateAsync(fixture.Storage.ConnectionString, Ct);
        return (new TableCaseStore(tables), new TableEventOutbox(tables, TimeProvider.System, options));
    }

    /// <summary>Needs the whole timeline and keeps what it was handed.</summary>
    private sealed class RecordingConsumer : ILifecycleConsumer
    {
        public List<TimelineEntry> Handed { get; } = [];

        public Task<TimelineRange?> NeedsAsync(CaseRecord record, IReadOnlyList<TimelineEntry> due, CancellationToken cancellationToken) =>
            Task.FromResult(TimelineRange.After(0, record.TimelineLength, 100));

        public Task<bool> ConsumeAsync(LifecycleBatch batch, TimelineRange needed, CancellationToken cancellationToken)
        {
            Handed.AddRange(batch.Within(needed));
            return Task.FromResult(true);
        }
    }

    /// <summary>The real store, counting its timeline range reads.</summary>
    private sealed class CountingTimelineReads(ICaseStore inner) : ICaseStore
    {
        public int TimelineReads { get; private set; }

        public async IAsyncEnumerable<TimelineEntry> ReadTimelineAsync(
            string caseId, long afterSeq, long? beforeSeq, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            TimelineReads++;
            await foreach (var entry in inner.ReadTimelineAsync(caseId, afterSeq, beforeSeq, cancellationToken))
            {
                yield return entry;
            }
        }

        public Task<CaseRecord?> GetAsync(string caseId, CancellationToken cancellationToken) => inner.GetAsync(caseId, cancellationToken);

        public Task<bool> CreateAsync(CaseChange opened, CancellationToken cancellationToken) => inner.CreateAsync(opened, cancellationToken);

        public Task<CaseRecord?> UpdateAsync(
            string caseId,
            Func<CaseRecord, CaseChange?> decide,
            CaseRecord? read,
            Func<CaseRecord, CancellationToken, Task>? onStored,
            CancellationToken cancellationToken) =>
            inner.UpdateAsync(caseId, decide, read, onStored, cancellationToken);

        public Task<Page<TimelineEntry>> GetTimelineAsync(string caseId, long afterSeq, int pageSize, CancellationToken cancellationToken) =>
            inner.GetTimelineAsync(caseId, afterSeq, pageSize, cancellationToken);

        public Task<Page<CaseRecord>> FindAsync(CaseFilter filter, string? participantId, string? continuationToken, int pageSize, CancellationToken cancellationToken) =>
            inner.FindAsync(filter, participantId, continuationToken, pageSize, cancellationToken);

        public Task<OpenCasesInStage> ReadOpenInStageAsync(string templateId, string stageKey, int take, CancellationToken cancellationToken) =>
            inner.ReadOpenInStageAsync(templateId, stageKey, take, cancellationToken);

        public IAsyncEnumerable<CaseRecord> ScanAsync(CaseFilter filter, CancellationToken cancellationToken) => inner.ScanAsync(filter, cancellationToken);

        public Task<Page<TaskSummary>> ListOpenTasksAsync(string assigneeId, string? continuationToken, int pageSize, CancellationToken cancellationToken) =>
            inner.ListOpenTasksAsync(assigneeId, continuationToken, pageSize, cancellationToken);
    }
}
