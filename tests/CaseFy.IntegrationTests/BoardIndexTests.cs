using Azure.Data.Tables;
using CaseFy.Application.Reports;
using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Ports;
using CaseFy.Model.Templates;
using CaseFy.Storage.Tables;

namespace CaseFy.IntegrationTests;

/// <summary>
/// The board index on Azurite: after every kind of change the board read from it equals the board a full scan of the
/// template's open cases gives; a slower writer's stale row is removed by the next change; cases stored before the
/// index existed get their rows once.
/// </summary>
[Collection(EventsTestGroup.Name)]
public sealed class BoardIndexTests(EventsFixture fixture)
{
    private static readonly Actor Owner = new("owner-1", "Owner");
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Build_AfterEachKindOfChange_EqualsAFullScan()
    {
        var (_, store, templates, boards, template) = await NewBoardAsync();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await OpenAsync(store, template, i));
            await AssertBoardIsScanAsync(store, templates, boards, template.Id);
        }

        var steps = new (string What, Func<CaseRecord, CaseChange?> Change, string CaseId)[]
        {
            ("stage entered", c => CaseLifecycle.EnterStage(c, template, Start.AddHours(1)), ids[0]),
            ("advance asked", c => CaseLifecycle.RequestAdvance(c, template, null, Owner, Start.AddHours(1)), ids[0]),
            ("advance done", c => CaseLifecycle.ExitStage(c, template, c.CurrentStage.Index, Start.AddHours(1)), ids[0]),
            ("next stage entered", c => CaseLifecycle.EnterStage(c, template, Start.AddHours(1)), ids[0]),
            ("move", c => CaseFlexibility.Move(c, template, "done", "skip", Owner, Start.AddHours(2)), ids[1]),
            ("hold", c => CaseFlexibility.Hold(c, "wait", Owner, Start.AddHours(3)), ids[2]),
            ("close", c => CaseFlexibility.Close(c, "over", null, Owner, Start.AddHours(4)), ids[3]),
            ("resume", c => CaseFlexibility.Resume(c, null, Owner, Start.AddHours(5)), ids[2]),
            ("reopen", c => CaseFlexibility.Reopen(c, template, null, Owner, Start.AddHours(6)), ids[3]),
            ("move back", c => CaseFlexibility.Move(c, template, "intake", "again", Owner, Start.AddHours(7)), ids[1]),
            ("close again", c => CaseFlexibility.Close(c, "over", null, Owner, Start.AddHours(8)), ids[3]),
        };
        foreach (var (what, change, caseId) in steps)
        {
            Assert.NotNull(await store.UpdateAsync(caseId, change, Ct));
            await AssertBoardIsScanAsync(store, templates, boards, template.Id, what);
        }

        var board = await boards.BuildAsync(template.Id, 10, Ct);
        Assert.Equal(4, board!.OpenCases);
        Assert.Equal([3, 1, 0], board.Stages.Select(s => s.Count));
    }

    [Fact]
    public async Task Build_NewTemplateVersionWithoutAStage_KeepsItsOpenCasesAfterTheCurrentStages()
    {
        var (_, store, templates, boards, template) = await NewBoardAsync();
        var inReview = await OpenAsync(store, template, 0);
        await store.UpdateAsync(inReview, c => CaseFlexibility.Move(c, template, "review", "fast", Owner, Start.AddHours(1)), Ct);
        await OpenAsync(store, template, 1);
        var v2 = template with { Version = 2, Stages = [new("intake", "Intake"), new("decide", "Decide")] };
        Assert.True(await templates.AddVersionAsync(v2, 1, Ct));
        await OpenAsync(store, v2, 2);

        var board = await boards.BuildAsync(template.Id, 10, Ct);

        Assert.Equal(["intake", "decide", "review"], board!.Stages.Select(s => s.Key));
        Assert.Equal("Review", board.Stages[2].Name);
        await AssertBoardIsScanAsync(store, templates, boards, template.Id);
    }

    [Fact]
    public async Task Build_MoreOpenCasesThanCards_CountsThemAllAndShowsTheNewest()
    {
        var (_, store, templates, boards, template) = await NewBoardAsync();
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await OpenAsync(store, template, i));
        }

        var board = await boards.BuildAsync(template.Id, 2, Ct);

        Assert.Equal(4, board!.Stages[0].Count);
        Assert.Equal([ids[3], ids[2]], board.Stages[0].Cases.Select(c => c.Id));
        await AssertBoardIsScanAsync(store, templates, boards, template.Id, perStage: 2);
    }

    [Fact]
    public async Task Update_AfterASlowWriterBroughtBackALeftStagesRow_RemovesIt()
    {
        var (tables, store, templates, boards, template) = await NewBoardAsync();
        var caseId = await OpenAsync(store, template, 0);
        var staleRow = Assert.Single(await BoardRowsAsync(tables));
        await store.UpdateAsync(caseId, c => CaseFlexibility.Move(c, template, "review", "on", Owner, Start.AddHours(1)), Ct);

        // A writer that read the case in its first stage upserts that stage's copy after the move, then its process dies.
        await tables.CaseIndex.UpsertEntityAsync(staleRow, TableUpdateMode.Replace, Ct);
        Assert.Equal(2, (await boards.BuildAsync(template.Id, 10, Ct))!.OpenCases);
        await store.UpdateAsync(caseId, c => CaseFlexibility.Comment(c, "next change", Owner, Start.AddHours(2)), Ct);

        Assert.Equal(1, (await boards.BuildAsync(template.Id, 10, Ct))!.OpenCases);
        await AssertBoardIsScanAsync(store, templates, boards, template.Id);
    }

    [Fact]
    public async Task Update_CaseMovedRoundItsStages_ListsTheBoardsOfItsStageAndThePreviousOnly()
    {
        var (tables, store, templates, boards, template) = await NewBoardAsync();
        var caseId = await OpenAsync(store, template, 0);
        foreach (var (stage, hour) in new[] { ("review", 1), ("done", 2), ("intake", 3), ("review", 4) })
        {
            await store.UpdateAsync(caseId, c => CaseFlexibility.Move(c, template, stage, "on", Owner, Start.AddHours(hour)), Ct);
        }

        // Each change removes only the boards it may have to (those two), not one per stage the case ever left.
        var listed = (await tables.Cases.GetEntityAsync<TableEntity>(caseId, "case", cancellationToken: Ct)).Value.GetString("IndexedIn")!.Split(' ');
        Assert.Equal(["board-tpl.intake", "board-tpl.review"], listed.Where(p => p.StartsWith("board-", StringComparison.Ordinal)));
        await AssertBoardIsScanAsync(store, templates, boards, template.Id);
    }

    [Fact]
    public async Task Update_RowListingEveryBoardEverGivenACopy_RemovesTheirCopiesAndListsTwo()
    {
        var (tables, store, templates, boards, template) = await NewBoardAsync();
        var caseId = await OpenAsync(store, template, 0);
        var copy = Assert.Single(await BoardRowsAsync(tables));

        // As the store used to leave a case that had been in every stage: each board listed, and (after a crash) copies in them.
        var row = (await tables.Cases.GetEntityAsync<TableEntity>(caseId, "case", cancellationToken: Ct)).Value;
        row["IndexedIn"] = row.GetString("IndexedIn") + " board-tpl.done board-tpl.review";
        await tables.Cases.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, Ct);
        foreach (var stale in new[] { "board-tpl.review", "board-tpl.done" })
        {
            await tables.CaseIndex.UpsertEntityAsync(new TableEntity(copy) { PartitionKey = stale }, TableUpdateMode.Replace, Ct);
        }

        await store.UpdateAsync(caseId, c => CaseFlexibility.Comment(c, "next change", Owner, Start.AddHours(1)), Ct);

        Assert.Equal("board-tpl.intake", Assert.Single(await BoardRowsAsync(tables)).PartitionKey);
        var listed = (await tables.Cases.GetEntityAsync<TableEntity>(caseId, "case", cancellationToken: Ct)).Value.GetString("IndexedIn")!.Split(' ');
        Assert.Equal(["board-tpl.intake"], listed.Where(p => p.StartsWith("board-", StringComparison.Ordinal)));
        await AssertBoardIsScanAsync(store, templates, boards, template.Id);
    }

    [Fact]
    public async Task IndexBoardsOnce_CasesStoredBeforeTheBoardIndex_GivesOpenCasesTheirRowsKeptByLaterChanges()
    {
        var (tables, store, templates, boards, template) = await NewBoardAsync();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await OpenAsync(store, template, i));
        }

        await store.UpdateAsync(ids[1], c => CaseFlexibility.Close(c, "over", null, Owner, Start.AddHours(1)), Ct);
        await ForgetBoardIndexAsync(tables);
        Assert.Equal(0, (await boards.BuildAsync(template.Id, 10, Ct))!.OpenCases);

        await store.IndexBoardsOnceAsync(Ct);
        await store.IndexBoardsOnceAsync(Ct);

        await AssertBoardIsScanAsync(store, templates, boards, template.Id, "after the backfill");
        Assert.Equal(2, (await boards.BuildAsync(template.Id, 10, Ct))!.OpenCases);

        // The backfill listed the rows it wrote on the case, so a later change removes them like any other.
        await store.UpdateAsync(ids[0], c => CaseFlexibility.Move(c, template, "done", "on", Owner, Start.AddHours(2)), Ct);
        await store.UpdateAsync(ids[2], c => CaseFlexibility.Close(c, "over", null, Owner, Start.AddHours(2)), Ct);
        await AssertBoardIsScanAsync(store, templates, boards, template.Id, "after later changes");
        Assert.Single(await BoardRowsAsync(tables));
    }

    // The board as the full scan of the template's open cases (newest first) gives it: per column its key, its count
    // and its cards' ids, current stages first, then stages only older versions have, in the order met.
    private static async Task AssertBoardIsScanAsync(
        TableCaseStore store, TableTemplateStore templates, BoardService boards, string templateId, string? step = null, int perStage = 10)
    {
        var versions = await templates.ListVersionsAsync(templateId, Ct);
        var expected = versions[^1].Stages.ToDictionary(s => s.Key, _ => new List<string>(), StringComparer.Ordinal);
        var order = versions[^1].Stages.Select(s => s.Key).ToList();
        await foreach (var record in store.ScanAsync(new CaseFilter(TemplateId: templateId, Status: CaseStatus.Open), Ct))
        {
            if (!expected.TryGetValue(record.CurrentStage.Key, out var column))
            {
                expected[record.CurrentStage.Key] = column = [];
                order.Add(record.CurrentStage.Key);
            }

            column.Add(record.Id);
        }

        var board = await boards.BuildAsync(templateId, perStage, Ct);
        Assert.NotNull(board);
        Assert.Equal(
            order.Select(key => $"{key}: {expected[key].Count} [{string.Join(' ', expected[key].Take(perStage))}]"),
            board.Stages.Select(s => $"{s.Key}: {s.Count} [{string.Join(' ', s.Cases.Select(c => c.Id))}]"));
        Assert.True(board.OpenCases == expected.Values.Sum(c => c.Count), step);
    }

    // What a store from before the board index left: no board rows, and case rows that list no board partition.
    private static async Task ForgetBoardIndexAsync(CaseFyTables tables)
    {
        foreach (var row in await BoardRowsAsync(tables))
        {
            await tables.CaseIndex.DeleteEntityAsync(row.PartitionKey, row.RowKey, cancellationToken: Ct);
        }

        await foreach (var row in tables.Cases.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {"case"}"), cancellationToken: Ct))
        {
            var listed = row.GetString("IndexedIn")!.Split(' ').Where(p => !p.StartsWith("board-", StringComparison.Ordinal));
            row["IndexedIn"] = string.Join(' ', listed);
            await tables.Cases.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, Ct);
        }
    }

    private static async Task<List<TableEntity>> BoardRowsAsync(CaseFyTables tables)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in tables.CaseIndex.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey ge {"board-"} and PartitionKey lt {"board."}"), cancellationToken: Ct))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static async Task<string> OpenAsync(TableCaseStore store, CaseTemplate template, int minute)
    {
        var caseId = Guid.NewGuid().ToString("N");
        Assert.True(await store.CreateAsync(CaseLifecycle.Open(caseId, $"Case {minute}", template, Owner, Start.AddMinutes(minute)), Ct));
        return caseId;
    }

    private async Task<Setup> NewBoardAsync()
    {
        var (tables, _) = await IsolatedTables.CreateAsync(fixture.Storage.ConnectionString, Ct);
        var store = new TableCaseStore(tables);
        var templates = new TableTemplateStore(tables);
        var template = IsolatedTables.Template with
        {
            Stages = [new("intake", "Intake"), new("review", "Review"), new("done", "Done")],
        };
        Assert.True(await templates.AddAsync(template, Ct));
        return new Setup(tables, store, templates, new BoardService(store, templates), template);
    }

    private sealed record Setup(CaseFyTables Tables, TableCaseStore Store, TableTemplateStore Templates, BoardService Boards, CaseTemplate Template);
}
