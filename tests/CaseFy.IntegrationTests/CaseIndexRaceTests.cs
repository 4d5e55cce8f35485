using Azure.Data.Tables;
using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Ports;
using CaseFy.Model.Templates;
using CaseFy.Storage.Tables;

namespace CaseFy.IntegrationTests;

/// <summary>
/// Two writers changing one case at once, on Azurite: whatever order their index writes land in, the case index ends
/// holding copies equal to the stored case row, in exactly the partitions the case belongs in.
/// </summary>
[Collection(EventsTestGroup.Name)]
public sealed class CaseIndexRaceTests(EventsFixture fixture)
{
    private static readonly Actor Owner = new("owner-1", "Owner");
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly CaseTemplate Template = IsolatedTables.Template with
    {
        Stages = [new("intake", "Intake"), new("review", "Review"), new("done", "Done")],
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Update_CopiesLandingAfterANewerChangesCopies_AreWrittenAgainFromTheNewerCase()
    {
        var (tables, options) = await IsolatedTables.CreateAsync(fixture.Storage.ConnectionString, Ct);
        var held = new TableRequestTap(tables.CaseIndex.Name, hold: true);
        var slow = new TableCaseStore(IsolatedTables.Tapped(fixture.Storage.ConnectionString, options, held));
        var fast = new TableCaseStore(tables);
        var caseId = await OpenAsync(fast);

        // The slow writer stores its move to "review"; its index writes wait until the fast writer has stored the move
        // to "done" and written all of that version's copies, then land on top of them.
        var slowMove = slow.UpdateAsync(caseId, c => CaseFlexibility.Move(c, Template, "review", "slow", Owner, Start.AddHours(1)), Ct);
        await held.Held.WaitAsync(Ct);
        Assert.NotNull(await fast.UpdateAsync(caseId, c => CaseFlexibility.Move(c, Template, "done", "fast", Owner, Start.AddHours(2)), Ct));
        held.Release();
        Assert.NotNull(await slowMove);

        await AssertIndexHoldsTheStoredCaseAsync(tables, fast, caseId, "board-tpl.done");
    }

    [Fact]
    public async Task Update_TwoWritersChangingACaseAtOnce_LeaveCopiesEqualToTheStoredCase()
    {
        var (tables, options) = await IsolatedTables.CreateAsync(fixture.Storage.ConnectionString, Ct);
        var first = new TableCaseStore(tables);
        var second = new TableCaseStore(new CaseFyTables(new TableServiceClient(fixture.Storage.ConnectionString), options));
        var caseId = await OpenAsync(first);

        // Each writer moves the case round its stages; their changes and index writes interleave.
        await Task.WhenAll(MoveRoundAsync(first, caseId, "a"), MoveRoundAsync(second, caseId, "b"));

        var stored = await first.GetAsync(caseId, Ct);
        await AssertIndexHoldsTheStoredCaseAsync(tables, first, caseId, $"board-tpl.{stored!.CurrentStage.Key}");
    }

    private static async Task MoveRoundAsync(TableCaseStore store, string caseId, string writer)
    {
        for (var i = 0; i < 6; i++)
        {
            var stage = Template.Stages[(i + 1) % Template.Stages.Count].Key;
            var reason = $"{writer}{i}";
            await store.UpdateAsync(
                caseId,
                c => c.CurrentStage.Key == stage
                    ? CaseFlexibility.Comment(c, reason, Owner, Start.AddMinutes(i))
                    : CaseFlexibility.Move(c, Template, stage, reason, Owner, Start.AddMinutes(i)),
                Ct);
        }
    }

    // Every index row of the case holds the stored case row's data, and the rows are exactly the admins' copy, the
    // owner's copy and the copy on the board of the stage the case is in.
    private static async Task AssertIndexHoldsTheStoredCaseAsync(CaseFyTables tables, TableCaseStore store, string caseId, string board)
    {
        var caseRow = (await tables.Cases.GetEntityAsync<TableEntity>(caseId, "case", cancellationToken: Ct)).Value;
        var copies = new List<TableEntity>();
        await foreach (var row in tables.CaseIndex.QueryAsync<TableEntity>(cancellationToken: Ct))
        {
            if (row.RowKey.EndsWith("-" + caseId, StringComparison.Ordinal))
            {
                copies.Add(row);
            }
        }

        Assert.All(copies, copy => Assert.Equal(caseRow.GetString("Data"), copy.GetString("Data")));
        Assert.Equal(3, copies.Count);
        Assert.Contains(copies, c => c.PartitionKey == "cases");
        Assert.Contains(copies, c => c.PartitionKey == board);
        Assert.Equal(caseId, Assert.Single((await store.FindAsync(new CaseFilter(), Owner.Id, null, 10, Ct)).Items).Id);
    }

    private static async Task<string> OpenAsync(TableCaseStore store)
    {
        var caseId = Guid.NewGuid().ToString("N");
        Assert.True(await store.CreateAsync(CaseLifecycle.Open(caseId, "Raced", Template, Owner, Start), Ct));
        return caseId;
    }
}
