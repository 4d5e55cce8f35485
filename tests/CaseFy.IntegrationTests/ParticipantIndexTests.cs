using Azure.Data.Tables;
using CaseFy.Model;
using CaseFy.Model.Access;
using CaseFy.Model.Cases;
using CaseFy.Model.Ports;
using CaseFy.Storage.Tables;

namespace CaseFy.IntegrationTests;

/// <summary>
/// The case index's per-participant rows on Azurite: kept in step with the participants, repaired by the next change
/// when a slower writer brings back a removed person's row, and filled once for cases stored before they existed.
/// </summary>
[Collection(EventsTestGroup.Name)]
public sealed class ParticipantIndexTests(EventsFixture fixture)
{
    private static readonly Actor Owner = new("owner-1", "Owner");
    private static readonly CaseParticipant Guest = new("guest-1", "Guest", ParticipantRole.Viewer);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Find_ForAParticipant_FollowsAddAndRemove()
    {
        var (_, store) = await NewStoreAsync();
        var caseId = await OpenAsync(store);

        var before = await store.FindAsync(CaseFilter.All, Guest.Id, null, 10, Ct);
        await store.UpdateAsync(caseId, c => CaseParticipants.Add(c, Guest, Owner, DateTimeOffset.UtcNow), Ct);
        var whileIn = await store.FindAsync(CaseFilter.All, Guest.Id, null, 10, Ct);
        await store.UpdateAsync(caseId, c => CaseParticipants.Remove(c, Guest.Id, Owner, DateTimeOffset.UtcNow), Ct);
        var after = await store.FindAsync(CaseFilter.All, Guest.Id, null, 10, Ct);

        Assert.Empty(before.Items);
        Assert.Equal([caseId], whileIn.Items.Select(c => c.Id));
        Assert.Empty(after.Items);
        Assert.Equal([caseId], (await store.FindAsync(CaseFilter.All, Owner.Id, null, 10, Ct)).Items.Select(c => c.Id));
    }

    [Fact]
    public async Task Update_AfterASlowWriterBroughtBackARemovedPersonsRow_RemovesIt()
    {
        var (tables, store) = await NewStoreAsync();
        var caseId = await OpenAsync(store);
        await store.UpdateAsync(caseId, c => CaseParticipants.Add(c, Guest, Owner, DateTimeOffset.UtcNow), Ct);
        var ownRow = await SingleRowAsync(tables, "a-" + Guest.Id);
        await store.UpdateAsync(caseId, c => CaseParticipants.Remove(c, Guest.Id, Owner, DateTimeOffset.UtcNow), Ct);

        // A writer that read the case before the removal upserts its copy after it, then its process dies.
        await tables.CaseIndex.UpsertEntityAsync(ownRow, TableUpdateMode.Replace, Ct);
        Assert.Single((await store.FindAsync(CaseFilter.All, Guest.Id, null, 10, Ct)).Items);
        await store.UpdateAsync(caseId, c => CaseParticipants.Add(c, new CaseParticipant("other-1", "Other", ParticipantRole.Viewer), Owner, DateTimeOffset.UtcNow), Ct);

        Assert.Empty((await store.FindAsync(CaseFilter.All, Guest.Id, null, 10, Ct)).Items);
    }

    [Fact]
    public async Task IndexParticipantsOnce_CasesIndexedBeforePersonRows_GivesEachParticipantTheirRow()
    {
        var (tables, store) = await NewStoreAsync();
        var caseId = await OpenAsync(store);
        await store.UpdateAsync(caseId, c => CaseParticipants.Add(c, Guest, Owner, DateTimeOffset.UtcNow), Ct);
        foreach (var partition in new[] { "a-" + Owner.Id, "a-" + Guest.Id })
        {
            var row = await SingleRowAsync(tables, partition);
            await tables.CaseIndex.DeleteEntityAsync(row.PartitionKey, row.RowKey, cancellationToken: Ct);
        }

        await store.IndexParticipantsOnceAsync(Ct);
        await store.IndexParticipantsOnceAsync(Ct);

        Assert.Equal([caseId], (await store.FindAsync(CaseFilter.All, Guest.Id, null, 10, Ct)).Items.Select(c => c.Id));
        Assert.Equal([caseId], (await store.FindAsync(CaseFilter.All, Owner.Id, null, 10, Ct)).Items.Select(c => c.Id));
    }

    private static async Task<string> OpenAsync(TableCaseStore store)
    {
        var caseId = Guid.NewGuid().ToString("N");
        Assert.True(await store.CreateAsync(CaseLifecycle.Open(caseId, "Indexed", IsolatedTables.Template, Owner, DateTimeOffset.UtcNow), Ct));
        return caseId;
    }

    private static async Task<TableEntity> SingleRowAsync(CaseFyTables tables, string partition)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in tables.CaseIndex.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: Ct))
        {
            rows.Add(row);
        }

        return Assert.Single(rows);
    }

    private async Task<(CaseFyTables Tables, TableCaseStore Store)> NewStoreAsync()
    {
        var (tables, _) = await IsolatedTables.CreateAsync(fixture.Storage.ConnectionString, Ct);
        return (tables, new TableCaseStore(tables));
    }
}
