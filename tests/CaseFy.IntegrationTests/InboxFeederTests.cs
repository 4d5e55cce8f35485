using CaseFy.Application.Events;
using CaseFy.Application.Notifications;
using CaseFy.Model;
using CaseFy.Model.Access;
using CaseFy.Model.Cases;
using CaseFy.Model.Notifications;
using CaseFy.Model.Ports;
using CaseFy.Model.Timeline;
using CaseFy.Storage.Tables;
using CaseFy.Testing;

namespace CaseFy.IntegrationTests;

/// <summary>
/// The outbox consumer that writes notifications, on Azurite, with its crash windows: a process dying mid-batch (some
/// notifications written, the cursor not moved) and a cursor lost altogether both end with every recipient notified once.
/// </summary>
public sealed class InboxFeederTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private static readonly Actor Ana = new("ana-oid", "Ana");
    private static readonly Actor Bo = new("bo-oid", "Bo");
    private static readonly Actor Cy = new("cy-oid", "Cy");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HandOut_CrashMidBatchThenRestart_NotifiesEachRecipientExactlyOnce()
    {
        var (tables, _) = await IsolatedTables.CreateAsync(host.TestStorage.ConnectionString, Ct);
        var cases = new TableCaseStore(tables);
        var inbox = new TableNotificationStore(tables);
        var caseId = await CaseWithAssignmentsAndAMentionAsync(cases);

        // The first process writes one notification, then dies before it moves the cursor.
        var crashing = Feeding(cases, new DiesAfterOneAdd(inbox));
        await Assert.ThrowsAsync<IOException>(() => crashing.HandOutAsync(caseId, [], Ct));
        Assert.Equal(1, await inbox.CountUnreadAsync(Bo.Id, Ct) + await inbox.CountUnreadAsync(Cy.Id, Ct));
        Assert.Equal(0, await inbox.GetCursorAsync(caseId, Ct));

        // The next process starts afresh from the cursor; then the cursor is lost too, and everything is handled a third time.
        var restarted = Feeding(cases, inbox);
        Assert.True(await restarted.HandOutAsync(caseId, [], Ct));
        await inbox.SetCursorAsync(caseId, 0, Ct);
        Assert.True(await restarted.HandOutAsync(caseId, [], Ct));

        var forBo = (await inbox.ListAsync(Bo.Id, unreadOnly: false, null, 100, Ct)).Items;
        var forCy = (await inbox.ListAsync(Cy.Id, unreadOnly: false, null, 100, Ct)).Items;
        Assert.Equal([NotificationKinds.Mentioned, NotificationKinds.TaskAssigned], forBo.Select(n => n.Kind));
        Assert.Equal([NotificationKinds.Mentioned, NotificationKinds.TaskAssigned], forCy.Select(n => n.Kind));
        Assert.Empty((await inbox.ListAsync(Ana.Id, unreadOnly: false, null, 100, Ct)).Items);
        Assert.Equal((await cases.GetAsync(caseId, Ct))!.TimelineLength, await inbox.GetCursorAsync(caseId, Ct));
    }

    [Fact]
    public async Task HandOut_ReadNotificationHandledAgain_StaysRead()
    {
        var (tables, _) = await IsolatedTables.CreateAsync(host.TestStorage.ConnectionString, Ct);
        var cases = new TableCaseStore(tables);
        var inbox = new TableNotificationStore(tables);
        var caseId = await CaseWithAssignmentsAndAMentionAsync(cases);
        var feeder = Feeding(cases, inbox);
        await feeder.HandOutAsync(caseId, [], Ct);

        Assert.Equal(2, await inbox.MarkAllReadAsync(Bo.Id, Ct));
        await inbox.SetCursorAsync(caseId, 0, Ct);
        await feeder.HandOutAsync(caseId, [], Ct);

        Assert.Equal(0, await inbox.CountUnreadAsync(Bo.Id, Ct));
    }

    [Fact]
    public async Task HandOut_StageChangesNotifyNobody_StoresNoCursorUntilItMattersAndNotifiesOnceAcrossInstances()
    {
        var (tables, options) = await IsolatedTables.CreateAsync(host.TestStorage.ConnectionString, Ct);
        var cases = new TableCaseStore(tables);
        var inbox = new TableNotificationStore(tables);
        var tap = new TableRequestTap(tables.Notifications.Name);
        var here = Feeding(cases, new TableNotificationStore(IsolatedTables.Tapped(host.TestStorage.ConnectionString, options, tap)));
        var template = IsolatedTables.Template;
        var now = DateTimeOffset.UtcNow;

        // A case opened and entering its stage, handled batch by batch here: the cursor is read once and never written.
        var quiet = Guid.NewGuid().ToString("N");
        await cases.CreateAsync(CaseLifecycle.Open(quiet, "Quiet case", template, Ana, now), Ct);
        Assert.True(await here.HandOutAsync(quiet, await DueAsync(cases, quiet, 0), Ct));
        await cases.UpdateAsync(quiet, c => CaseLifecycle.EnterStage(c, template, now), Ct);
        Assert.True(await here.HandOutAsync(quiet, await DueAsync(cases, quiet, 1), Ct));
        Assert.Equal((1, 0), (tap.Count("GET"), tap.Count("PUT")));

        // A restarted process finds the stored cursor behind, handles those entries again (nothing to notify) and stores it.
        Assert.True(await Feeding(cases, inbox).HandOutAsync(quiet, await DueAsync(cases, quiet, 1), Ct));
        Assert.Equal((await cases.GetAsync(quiet, Ct))!.TimelineLength, await inbox.GetCursorAsync(quiet, Ct));

        // Here handles a case's opening; its stage entry, with a task for Bo right after, goes to another instance
        // first (here's lease ran out), then here again: here reads the cursor that instance stored and adds nothing.
        var busy = Guid.NewGuid().ToString("N");
        await cases.CreateAsync(CaseLifecycle.Open(busy, "Busy case", template, Ana, now), Ct);
        Assert.True(await here.HandOutAsync(busy, await DueAsync(cases, busy, 0), Ct));
        await cases.UpdateAsync(busy, c => CaseLifecycle.EnterStage(c, template, now), Ct);
        var entered = await DueAsync(cases, busy, 1);
        await cases.UpdateAsync(busy, c => CaseParticipants.Add(c, new CaseParticipant(Bo.Id, Bo.Name, ParticipantRole.Member), Ana, now), Ct);
        await cases.UpdateAsync(busy, c => TaskRules.Add(c, new NewTask("For Bo", Bo, null, null, null), Ana, now), Ct);
        Assert.True(await Feeding(cases, inbox).HandOutAsync(busy, entered, Ct));
        var (reads, writes) = (tap.Count("GET"), tap.Count("PUT"));
        Assert.True(await here.HandOutAsync(busy, entered, Ct));

        Assert.Equal((reads + 1, writes), (tap.Count("GET"), tap.Count("PUT")));
        Assert.Equal([NotificationKinds.TaskAssigned], (await inbox.ListAsync(Bo.Id, unreadOnly: false, null, 100, Ct)).Items.Select(n => n.Kind));
        Assert.Equal((await cases.GetAsync(busy, Ct))!.TimelineLength, await inbox.GetCursorAsync(busy, Ct));
    }

    // The case's lifecycle entries after a seq: what the outbox holds for it, as the publisher reads them.
    private static async Task<IReadOnlyList<TimelineEntry>> DueAsync(TableCaseStore cases, string caseId, long afterSeq)
    {
        var due = new List<TimelineEntry>();
        await foreach (var entry in cases.ReadTimelineAsync(caseId, afterSeq, beforeSeq: null, Ct))
        {
            if (LifecycleEntryTypes.IsLifecycle(entry.Type))
            {
                due.Add(entry);
            }
        }

        return due;
    }

    // The publisher's path: the case and its timeline read once, handed to the feeder (a batch with no due lifecycle entries).
    private static LifecycleConsumers Feeding(TableCaseStore cases, INotificationStore inbox) =>
        new(cases, [new InboxFeeder(inbox, TimeProvider.System)]);

    // Ana opens a case, adds Bo and Cy, gives each a task and mentions both: 2 notifications each, none for Ana.
    private static async Task<string> CaseWithAssignmentsAndAMentionAsync(TableCaseStore cases)
    {
        var template = IsolatedTables.Template;
        var caseId = Guid.NewGuid().ToString("N");
        var now = DateTimeOffset.UtcNow;
        await cases.CreateAsync(CaseLifecycle.Open(caseId, "Crash case", template, Ana, now), Ct);
        Func<CaseRecord, CaseChange?>[] steps =
        [
            c => CaseLifecycle.EnterStage(c, template, now),
            c => CaseParticipants.Add(c, new CaseParticipant(Bo.Id, Bo.Name, ParticipantRole.Member), Ana, now),
            c => CaseParticipants.Add(c, new CaseParticipant(Cy.Id, Cy.Name, ParticipantRole.Member), Ana, now),
            c => TaskRules.Add(c, new NewTask("For Bo", Bo, null, null, null), Ana, now),
            c => TaskRules.Add(c, new NewTask("For Cy", Cy, null, null, null), Ana, now.AddMilliseconds(1)),
            c => CaseFlexibility.Comment(c, "@Bo and @Cy: see the tasks", Ana, now.AddMilliseconds(2)),
        ];
        foreach (var step in steps)
        {
            await cases.UpdateAsync(caseId, step, Ct);
        }

        return caseId;
    }

    /// <summary>The real store until its first add has gone through; then the process "dies".</summary>
    private sealed class DiesAfterOneAdd(INotificationStore inner) : INotificationStore
    {
        public async Task AddAsync(IReadOnlyList<(string PersonId, Notification Notification)> notifications, CancellationToken cancellationToken)
        {
            await inner.AddAsync([notifications[0]], cancellationToken);
            throw new IOException("The process died mid-batch.");
        }

        public Task<Page<Notification>> ListAsync(string personId, bool unreadOnly, string? continuationToken, int pageSize, CancellationToken cancellationToken) =>
            inner.ListAsync(personId, unreadOnly, continuationToken, pageSize, cancellationToken);

        public Task<Notification?> GetAsync(string personId, string notificationId, CancellationToken cancellationToken) =>
            inner.GetAsync(personId, notificationId, cancellationToken);

        public Task<int> TakeIntoDigestAsync(
            string personId, string digestId, DateTimeOffset reachBack, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken) =>
            inner.TakeIntoDigestAsync(personId, digestId, reachBack, since, until, cancellationToken);

        public Task SealDigestAsync(string personId, string digestId, CancellationToken cancellationToken) =>
            inner.SealDigestAsync(personId, digestId, cancellationToken);

        public Task<IReadOnlyList<Notification>> ListDigestAsync(
            string personId, string digestId, DateTimeOffset after, int max, CancellationToken cancellationToken) =>
            inner.ListDigestAsync(personId, digestId, after, max, cancellationToken);

        public Task<bool> MarkReadAsync(string personId, string notificationId, CancellationToken cancellationToken) =>
            inner.MarkReadAsync(personId, notificationId, cancellationToken);

        public Task<int> MarkAllReadAsync(string personId, CancellationToken cancellationToken) => inner.MarkAllReadAsync(personId, cancellationToken);

        public Task<int> CountUnreadAsync(string personId, CancellationToken cancellationToken) => inner.CountUnreadAsync(personId, cancellationToken);

        public Task<long> GetCursorAsync(string caseId, CancellationToken cancellationToken) => inner.GetCursorAsync(caseId, cancellationToken);

        public Task SetCursorAsync(string caseId, long seq, CancellationToken cancellationToken) => inner.SetCursorAsync(caseId, seq, cancellationToken);
    }
}
