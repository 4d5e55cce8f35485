using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Ports;
using CaseFy.Storage.Tables;

namespace CaseFy.IntegrationTests;

/// <summary>
/// An update handed the case its caller has just read (<c>read</c>), on Azurite: it stores without reading the case
/// again while that is still the stored version, and otherwise decides again on the stored case, losing nothing.
/// </summary>
[Collection(EventsTestGroup.Name)]
public sealed class CaseUpdateFromReadTests(EventsFixture fixture)
{
    private static readonly Actor Owner = new("owner-1", "Owner");
    private static readonly DateTimeOffset Opened = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Update_HandedTheCaseJustRead_ReadsTheCaseRowOnlyToCheckTheIndex()
    {
        var (tables, options) = await IsolatedTables.CreateAsync(fixture.Storage.ConnectionString, Ct);
        var caseReads = new TableRequestTap(tables.Cases.Name);
        var store = new TableCaseStore(IsolatedTables.Tapped(fixture.Storage.ConnectionString, options, caseReads));
        var caseId = await OpenAsync(store);

        var start = caseReads.Count("GET");
        await store.UpdateAsync(caseId, c => CaseFlexibility.Comment(c, "unread", Owner, Opened.AddHours(1)), Ct);
        var withoutRead = caseReads.Count("GET") - start;
        var read = await store.GetAsync(caseId, Ct);
        var before = caseReads.Count("GET");
        await store.UpdateAsync(caseId, c => CaseFlexibility.Comment(c, "read", Owner, Opened.AddHours(2)), read: read, onStored: null, Ct);

        // Without the case: read to decide, and read back after the index writes; with it, only the read back.
        Assert.Equal(2, withoutRead);
        Assert.Equal(1, caseReads.Count("GET") - before);
        Assert.Equal(read!.TimelineLength + 1, (await store.GetAsync(caseId, Ct))!.TimelineLength);
    }

    [Fact]
    public async Task Update_HandedACaseChangedSince_AppliesTheRuleToTheStoredCase()
    {
        var (tables, _) = await IsolatedTables.CreateAsync(fixture.Storage.ConnectionString, Ct);
        var store = new TableCaseStore(tables);
        var caseId = await OpenAsync(store);
        var read = await store.GetAsync(caseId, Ct);
        await store.UpdateAsync(caseId, c => CaseFlexibility.Comment(c, "meanwhile", Owner, Opened.AddHours(1)), Ct);

        var decidedOn = new List<long>();
        var updated = await store.UpdateAsync(
            caseId,
            c =>
            {
                decidedOn.Add(c.TimelineLength);
                return CaseFlexibility.Comment(c, "late", Owner, Opened.AddHours(2));
            },
            read: read,
            onStored: null,
            Ct);

        // Decided on the copy first, refused by its ETag, then decided on the stored case: both comments are kept.
        Assert.Equal([read!.TimelineLength, read.TimelineLength + 1], decidedOn);
        Assert.Equal(read.TimelineLength + 2, updated!.TimelineLength);
        Assert.Equal(updated.TimelineLength, (await store.GetAsync(caseId, Ct))!.TimelineLength);
    }

    [Fact]
    public async Task Update_RuleRefusingTheHandedCopy_DecidesAgainOnTheStoredCase()
    {
        var (tables, _) = await IsolatedTables.CreateAsync(fixture.Storage.ConnectionString, Ct);
        var store = new TableCaseStore(tables);
        var caseId = await OpenAsync(store);
        await store.UpdateAsync(caseId, c => CaseFlexibility.Hold(c, "wait", Owner, Opened.AddHours(1)), Ct);
        var readOnHold = await store.GetAsync(caseId, Ct);
        await store.UpdateAsync(caseId, c => CaseFlexibility.Resume(c, "go", Owner, Opened.AddHours(2)), Ct);

        // On the copy the case is on hold already (refused); on the stored case it was resumed, so it is held again.
        var updated = await store.UpdateAsync(caseId, c => CaseFlexibility.Hold(c, "again", Owner, Opened.AddHours(3)), read: readOnHold, onStored: null, Ct);

        Assert.Equal(CaseStatus.OnHold, updated!.Status);
        Assert.Equal(Opened.AddHours(3), updated.HeldSince);
    }

    private static async Task<string> OpenAsync(TableCaseStore store)
    {
        var caseId = Guid.NewGuid().ToString("N");
        Assert.True(await store.CreateAsync(CaseLifecycle.Open(caseId, "Read first", IsolatedTables.Template, Owner, Opened), Ct));
        return caseId;
    }
}
