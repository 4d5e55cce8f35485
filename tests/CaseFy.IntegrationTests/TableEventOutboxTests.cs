using Azure.Data.Tables;
using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Ports;
using CaseFy.Model.Templates;
using CaseFy.Storage.Tables;
using CaseFy.Testing;

namespace CaseFy.IntegrationTests;

/// <summary>The outbox's crash windows, on Azurite: a pointer never written, and entries added while a publisher works.</summary>
[Collection(EventsTestGroup.Name)]
public sealed class TableEventOutboxTests(EventsFixture fixture)
{
    private static CaseTemplate Template => IsolatedTables.Template;

    [Fact]
    public async Task RepairAsync_ProcessDiedBeforeThePointer_FindsTheCaseAgain()
    {
        var (tables, store, outbox) = await NewStoreAsync();
        var caseId = Guid.NewGuid().ToString("N");
        await store.CreateAsync(CaseLifecycle.Open(caseId, "Lost pointer", Template, Actor.System, DateTimeOffset.UtcNow), Ct);
        await tables.Outbox.DeleteEntityAsync("pending", caseId, cancellationToken: Ct);
        Assert.Empty(await outbox.ClaimAsync(10, TimeSpan.FromMinutes(1), Ct));

        var repaired = await outbox.RepairAsync(Ct);
        var claims = await outbox.ClaimAsync(10, TimeSpan.FromMinutes(1), Ct);
        var due = await outbox.ReadDueAsync(caseId, 10, Ct);

        Assert.Equal(1, repaired);
        Assert.Equal([caseId], claims.Select(c => c.CaseId));
        Assert.Equal([$"{caseId}-1"], due.Select(e => e.Entry.Id));
    }

    [Fact]
    public async Task ReleaseAsync_EntriesAddedWhilePublishing_KeepsTheCaseDue()
    {
        var (_, store, outbox) = await NewStoreAsync();
        var caseId = Guid.NewGuid().ToString("N");
        await store.CreateAsync(CaseLifecycle.Open(caseId, "Busy case", Template, Actor.System, DateTimeOffset.UtcNow), Ct);
        var claim = Assert.Single(await outbox.ClaimAsync(10, TimeSpan.FromMinutes(1), Ct));
        var first = await outbox.ReadDueAsync(caseId, 10, Ct);

        await store.UpdateAsync(caseId, c => CaseLifecycle.EnterStage(c, Template, DateTimeOffset.UtcNow), Ct);
        await outbox.AppendToFeedAsync(caseId, first, Ct);
        await outbox.MarkPublishedAsync(caseId, [.. first.Select(e => e.Entry)], Ct);
        await outbox.ReleaseAsync(claim, drained: true, Ct);
        var again = Assert.Single(await outbox.ClaimAsync(10, TimeSpan.FromMinutes(1), Ct));
        var second = await outbox.ReadDueAsync(caseId, 10, Ct);

        Assert.Equal(caseId, again.CaseId);
        Assert.Equal([$"{caseId}-2"], second.Select(e => e.Entry.Id));
    }

    [Fact]
    public async Task AppendToFeedAsync_EntriesReleasedSinceTheyWereRead_FailsAndTheFeedHoldsThemOnce()
    {
        var (tables, store, outbox) = await NewStoreAsync();
        var caseId = Guid.NewGuid().ToString("N");
        await store.CreateAsync(CaseLifecycle.Open(caseId, "Two publishers", Template, Actor.System, DateTimeOffset.UtcNow), Ct);
        var slow = await outbox.ReadDueAsync(caseId, 10, Ct);
        var fast = await outbox.ReadDueAsync(caseId, 10, Ct);

        await outbox.AppendToFeedAsync(caseId, fast, Ct);
        var reread = await outbox.ReadDueAsync(caseId, 10, Ct);

        await Assert.ThrowsAnyAsync<Azure.RequestFailedException>(() => outbox.AppendToFeedAsync(caseId, slow, Ct));
        await outbox.AppendToFeedAsync(caseId, reread, Ct);
        Assert.Null(Assert.Single(slow).FeedPosition);
        Assert.NotNull(Assert.Single(reread).FeedPosition);
        var feedRows = 0;
        await foreach (var unused in tables.EventFeed.QueryAsync<TableEntity>(cancellationToken: Ct))
        {
            feedRows++;
        }

        Assert.Equal(1, feedRows);
    }

    [Fact]
    public async Task ClaimAsync_CaseAlreadyClaimed_IsNotClaimedTwice()
    {
        var (_, store, outbox) = await NewStoreAsync();
        var caseId = Guid.NewGuid().ToString("N");
        await store.CreateAsync(CaseLifecycle.Open(caseId, "Claimed", Template, Actor.System, DateTimeOffset.UtcNow), Ct);

        var first = await outbox.ClaimAsync(10, TimeSpan.FromMinutes(1), Ct);
        var second = await outbox.ClaimAsync(10, TimeSpan.FromMinutes(1), Ct);

        Assert.Single(first);
        Assert.Empty(second);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(CaseFyTables Tables, TableCaseStore Store, TableEventOutbox Outbox)> NewStoreAsync()
    {
        var (tables, options) = await IsolatedTables.CreateAsync(fixture.Storage.ConnectionString, Ct);
        return (tables, new TableCaseStore(tables), new TableEventOutbox(tables, TimeProvider.System, options));
    }
}
