using CaseFy.Application.Events;
using CaseFy.Application.Reports;
using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Metrics;
using CaseFy.Storage.Tables;
using CaseFy.Testing;

namespace CaseFy.IntegrationTests;

/// <summary>
/// The metric totals' writes on Azurite: two writers of one snapshot, a cursor written by a writer that lost, and two
/// instances counting batches of the same cases, each from the rows it last read or wrote.
/// </summary>
[Collection(EventsTestGroup.Name)]
public sealed class TableMetricsStoreTests(EventsFixture fixture)
{
    [Fact]
    public async Task TryWriteAsync_TwoWritersOfOneSnapshot_OnlyTheFirstCounts()
    {
        var store = await NewStoreAsync();
        var first = await store.ReadAsync("tpl", "case-a", Ct);
        var second = await store.ReadAsync("tpl", "case-a", Ct);
        first.Totals.Open++;
        first.Cursor.AppliedSeq = 1;
        second.Totals.Open++;
        second.Cursor.AppliedSeq = 1;

        Assert.True(await store.TryWriteAsync(first, Ct));
        Assert.False(await store.TryWriteAsync(second, Ct));

        var stored = await store.ReadAsync("tpl", "case-a", Ct);
        Assert.Equal((1, 1L), (stored.Totals.Open, stored.Cursor.AppliedSeq));
        Assert.Equal(1, (await store.GetTotalsAsync("tpl", Ct)).Open);
    }

    [Fact]
    public async Task TryWriteAsync_TotalsChangedByAnotherCase_WritesNeitherRow()
    {
        var store = await NewStoreAsync();
        var stale = await store.ReadAsync("tpl", "case-a", Ct);
        var other = await store.ReadAsync("tpl", "case-b", Ct);
        other.Totals.Open++;
        Assert.True(await store.TryWriteAsync(other, Ct));
        stale.Totals.Open++;
        stale.Cursor.AppliedSeq = 7;

        Assert.False(await store.TryWriteAsync(stale, Ct));

        var stored = await store.ReadAsync("tpl", "case-a", Ct);
        Assert.Equal((1, 0L, (string?)null), (stored.Totals.Open, stored.Cursor.AppliedSeq, stored.CursorVersion));
    }

    [Fact]
    public async Task ReplaceAsync_MoreCasesThanOneTransaction_StoresEveryCursorAndTheTotals()
    {
        var store = await NewStoreAsync();
        var cursors = Enumerable.Range(0, 150).ToDictionary(i => $"case-{i}", i => new CaseMetricsCursor { AppliedSeq = i + 1 });

        await store.ReplaceAsync("tpl", new MetricsTotals { Closed = 150 }, cursors, Ct);

        Assert.Equal(150, (await store.GetTotalsAsync("tpl", Ct)).Closed);
        Assert.Equal(150L, (await store.ReadAsync("tpl", "case-149", Ct)).Cursor.AppliedSeq);
    }

    [Fact]
    public async Task MetricsUpdater_RowsChangedByAnotherInstanceMeanwhile_CountsEachBatchOnce()
    {
        var (tables, options) = await IsolatedTables.CreateAsync(fixture.Storage.ConnectionString, Ct);
        var tap = new TableRequestTap(tables.Metrics.Name);
        var here = new MetricsUpdater(new TableMetricsStore(IsolatedTables.Tapped(fixture.Storage.ConnectionString, options, tap)));
        var there = new MetricsUpdater(new TableMetricsStore(tables));
        var template = IsolatedTables.Template;
        var now = DateTimeOffset.UtcNow;
        var actor = new Actor("ana-oid", "Ana");
        var a1 = CaseLifecycle.Open("case-a", "A", template, actor, now);
        var a2 = CaseLifecycle.EnterStage(a1.Case, template, now)!;
        var advance = CaseLifecycle.RequestAdvance(a2.Case, template, reason: null, actor, now.AddMinutes(1));
        var exit = CaseLifecycle.ExitStage(advance.Case, template, stageIndex: 0, now.AddMinutes(1))!;
        var b1 = CaseLifecycle.Open("case-b", "B", template, actor, now);

        // This instance counts case a's first two batches: the first reading only the totals (a new case's cursor is
        // not read), the second from the rows it wrote, reading none. A third instance handles the first batch again
        // (it was counted, the cursor row is there): its write is refused, it reads the rows and counts nothing more.
        await CountAsync(here, a1.Case, a1.Entries);
        Assert.Equal(1, tap.Count("GET"));
        await CountAsync(here, a2.Case, a2.Entries);
        Assert.Equal(1, tap.Count("GET"));
        await CountAsync(new MetricsUpdater(new TableMetricsStore(tables)), a1.Case, a1.Entries);

        // Another instance counts case b and then case a's third batch (this one's lease on a ran out): both rows this
        // instance keeps are stale when it handles that batch again.
        await CountAsync(there, b1.Case, b1.Entries);
        await CountAsync(there, exit.Case, [.. advance.Entries, .. exit.Entries]);
        await CountAsync(here, exit.Case, [.. advance.Entries, .. exit.Entries]);

        var totals = await new TableMetricsStore(tables).GetTotalsAsync(template.Id, Ct);
        Assert.Equal((2, 1, 0), (totals.Open, totals.Stage("intake").Visits, totals.Stage("intake").InStageNow));
        Assert.Equal(exit.Case.TimelineLength, (await new TableMetricsStore(tables).ReadAsync(template.Id, "case-a", Ct)).Cursor.AppliedSeq);
    }

    // The publisher's path for one batch whose entries are every entry the updater needs.
    private static async Task CountAsync(MetricsUpdater updater, CaseRecord record, IReadOnlyList<Model.Timeline.TimelineEntry> entries)
    {
        var needed = await updater.NeedsAsync(record, entries, Ct);
        Assert.NotNull(needed);
        Assert.True(await updater.ConsumeAsync(new LifecycleBatch(record, entries, needed, entries), needed, Ct));
    }

    private async Task<TableMetricsStore> NewStoreAsync()
    {
        var (tables, _) = await IsolatedTables.CreateAsync(fixture.Storage.ConnectionString, Ct);
        return new TableMetricsStore(tables);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
