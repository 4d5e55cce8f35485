using CaseFy.Model.Metrics;
using CaseFy.Storage.Tables;
using CaseFy.Testing;

namespace CaseFy.IntegrationTests;

/// <summary>The metric totals' writes on Azurite: two writers of one snapshot, and a cursor written by a writer that lost.</summary>
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

    private async Task<TableMetricsStore> NewStoreAsync()
    {
        var (tables, _) = await IsolatedTables.CreateAsync(fixture.Storage.ConnectionString, Ct);
        return new TableMetricsStore(tables);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
