using System.Text.Json;
using CaseFy.Model.Access;
using CaseFy.Model.Cases;
using CaseFy.Model.Events;
using CaseFy.Model.Mail;
using CaseFy.Model.Metrics;
using CaseFy.Model.Notifications;
using CaseFy.Model.Portal;
using CaseFy.Model.Templates;
using CaseFy.Model.Timeline;
using CaseFy.Storage.Tables;

namespace CaseFy.UnitTests;

/// <summary>
/// Pins the JSON that storage keeps for each entity kind (the case row, its timeline entries and one entry of each
/// type the model's rules write, a template version and its summary row, a task index row, an event feed row, a
/// notification, the metric totals and cursor; the outbox markers are timeline entries), written with the storage-only
/// <see cref="StorageJsonContext"/> the table stores use. A change to a model type or to the JSON context that would
/// change what is stored (a renamed or dropped property, another enum spelling, another date format) fails here, and
/// stored cases would no longer read back or verify: change it on purpose, with a migration, then refresh the files
/// with <c>CASEFY_UPDATE_GOLDEN=1 dotnet test tests/CaseFy.UnitTests --filter StoredJsonGoldenTests</c>.
/// </summary>
public sealed class StoredJsonGoldenTests
{
    // Indented, and "+" or "<" left as they are, for the files' readers only.
    private static readonly JsonSerializerOptions Readable = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [Fact]
    public void CaseRow_InSecondStage_IsStoredAsPinned() =>
        AssertPinned("case-row.json", JsonSerializer.Serialize(Flow().Case, StorageJsonContext.Default.CaseRecord));

    [Fact]
    public void TimelineEntries_OfAWholeStage_AreStoredAsPinned() =>
        AssertPinned("timeline-entries.json", "[" + string.Join(",", Flow().Entries.Select(e => JsonSerializer.Serialize(e, StorageJsonContext.Default.TimelineEntry))) + "]");

    [Fact]
    public void Template_WithEveryKindOfPart_IsStoredAsPinned() =>
        AssertPinned("template.json", JsonSerializer.Serialize(SampleCase.Template, StorageJsonContext.Default.CaseTemplate));

    [Fact]
    public void TimelineEntries_OneOfEachTypeTheRulesWrite_AreStoredAsPinned()
    {
        var entries = EveryAction().Entries.Concat(PeopleAndPortalEntries()).GroupBy(e => e.Type, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.First()).ToList();

        var types = typeof(TimelineEntryTypes).GetFields().Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal);
        Assert.Equal(types, entries.Select(e => e.Type));
        AssertPinned("timeline-entry-types.json", "[" + string.Join(",", entries.Select(e => JsonSerializer.Serialize(e, StorageJsonContext.Default.TimelineEntry))) + "]");
    }

    [Fact]
    public void IndexFeedAndNotificationRows_AreStoredAsPinned()
    {
        var run = EveryAction();
        var tasks = run.Steps.SelectMany(s => TaskSummary.Of(s.After)).DistinctBy(t => t.TaskId, StringComparer.Ordinal).Take(3).ToList();
        var events = run.Entries.Select(LifecycleEvents.From).DistinctBy(e => e.Type, StringComparer.Ordinal).OrderBy(e => e.Type, StringComparer.Ordinal);
        var current = run.Case;
        var notifications = run.Entries.SelectMany(e => NotificationRules.For(e, current)).Select(n => n.Notification)
            .DistinctBy(n => n.Kind, StringComparer.Ordinal).OrderBy(n => n.Kind, StringComparer.Ordinal);
        var summary = new TemplateSummary
        {
            Id = SampleCase.Template.Id,
            Name = SampleCase.Template.Name,
            Description = "Claims",
            LatestVersion = 3,
            Status = TemplateStatus.Active,
            UpdatedAt = SampleCase.T0,
        };

        Assert.NotEmpty(tasks);
        AssertPinned("task-index-rows.json", "[" + string.Join(",", tasks.Select(t => JsonSerializer.Serialize(t, StorageJsonContext.Default.TaskSummary))) + "]");
        AssertPinned("event-feed-rows.json", "[" + string.Join(",", events.Select(e => JsonSerializer.Serialize(e, StorageJsonContext.Default.LifecycleEvent))) + "]");
        AssertPinned("notifications.json", "[" + string.Join(",", notifications.Select(n => JsonSerializer.Serialize(n, StorageJsonContext.Default.Notification))) + "]");
        AssertPinned("template-summary.json", JsonSerializer.Serialize(summary, StorageJsonContext.Default.TemplateSummary));
    }

    [Fact]
    public void MetricRows_AreStoredAsPinned()
    {
        var totals = new MetricsTotals();
        var cursor = new CaseMetricsCursor();
        MetricsFold.Apply(totals, cursor, EveryAction().Entries);

        AssertPinned("metrics-totals.json", JsonSerializer.Serialize(totals, StorageJsonContext.Default.MetricsTotals));
        AssertPinned("metrics-cursor.json", JsonSerializer.Serialize(cursor, StorageJsonContext.Default.CaseMetricsCursor));
    }

    [Fact]
    public void StoredJson_ReadBack_IsTheSameValue()
    {
        var (record, entries) = Flow();

        var json = JsonSerializer.Serialize(record, StorageJsonContext.Default.CaseRecord);
        var back = JsonSerializer.Deserialize(json, StorageJsonContext.Default.CaseRecord)!;

        Assert.Equal(json, JsonSerializer.Serialize(back, StorageJsonContext.Default.CaseRecord));
        Assert.All(entries, e => Assert.Equal(e.Hash, Model.Timeline.TimelineChain.ComputeHash(
            JsonSerializer.Deserialize(JsonSerializer.Serialize(e, StorageJsonContext.Default.TimelineEntry), StorageJsonContext.Default.TimelineEntry)!)));
    }

    // The sample claim opened, its intake stage worked through (task, upload, acceptance) and left, the next entered.
    private static (CaseRecord Case, IReadOnlyList<Model.Timeline.TimelineEntry> Entries) Flow()
    {
        var entries = new List<Model.Timeline.TimelineEntry>();
        CaseRecord Keep(CaseChange change)
        {
            entries.AddRange(change.Entries);
            return change.Case;
        }

        var template = SampleCase.Template;
        var (ana, t0) = (SampleCase.Ana, SampleCase.T0);
        var record = Keep(CaseLifecycle.Open("c1", "Claim 7", template, ana, t0));
        record = Keep(CaseLifecycle.EnterStage(record, template, t0)!);
        record = Keep(TaskRules.Complete(record, "t1", null, ana, t0.AddMinutes(5)));
        record = Keep(DocumentRules.RecordUpload(record, template, SampleCase.File(record, "form"), ana, t0.AddMinutes(6))!);
        record = Keep(DocumentRules.Accept(record, "form", ana, t0.AddMinutes(7)));
        record = Keep(CaseLifecycle.RequestAdvance(record, template, null, ana, t0.AddMinutes(8)));
        record = Keep(CaseLifecycle.ExitStage(record, template, 0, t0.AddMinutes(9))!);
        record = Keep(CaseLifecycle.EnterStage(record, template, t0.AddMinutes(9))!);
        return (record, entries);
    }

    // Every action of CaseActions in turn, eight rounds with a different target each round: a fixed, long, mixed history.
    private static CaseRun EveryAction() =>
        CaseRun.Play(Enumerable.Range(0, 8).SelectMany(round => Enumerable.Range(0, CaseActions.Count).Select(action => (action, round))));

    // What CaseActions does not do: both reminders, an SLA breach, a participant's role changed, a portal link made, used, written to
    // and revoked.
    private static IEnumerable<TimelineEntry> PeopleAndPortalEntries()
    {
        var template = SampleCase.Template;
        var t0 = SampleCase.T0;
        var ana = SampleCase.Ana;
        var entered = CaseLifecycle.EnterStage(CaseLifecycle.Open("c2", "Claim 8", template, ana, t0).Case, template, t0)!.Case;
        var taskSoon = StageEvaluation.Evaluate(entered, template, entered.CurrentStage.Visit, t0.AddHours(0.8))!;
        var slaSoon = StageEvaluation.Evaluate(taskSoon.Case, template, entered.CurrentStage.Visit, t0.AddHours(1.8))!;
        var breached = StageEvaluation.Evaluate(slaSoon.Case, template, entered.CurrentStage.Visit, t0.AddDays(2))!;
        var member = CaseParticipants.Add(breached.Case, new CaseParticipant(SampleCase.Bo.Id, SampleCase.Bo.Name, ParticipantRole.Member), ana, t0.AddDays(2))!;
        var viewer = CaseParticipants.Add(member.Case, new CaseParticipant(SampleCase.Bo.Id, SampleCase.Bo.Name, ParticipantRole.Viewer), ana, t0.AddDays(2))!;
        var link = new PortalLink(
            "l1", "Erin", null, [PortalAction.View, PortalAction.Message], "hash", t0, ana, t0.AddDays(30), RevokedAt: null, UseRecordedAt: null);
        var created = PortalLinkRules.Create(viewer.Case, link, ana, t0.AddDays(2));
        var used = PortalLinkRules.RecordUse(created.Case, "l1", "view", t0.AddDays(2).AddMinutes(1))!;
        var message = PortalMessages.FromTeam(used.Case, "l1", "Please send the form.", ana, t0.AddDays(2).AddMinutes(2));
        var mailDelivery = new MailDelivery(OutsideMailRules.IdOf(message.Entries.Single(), "l1"), "c2", message.Entries.Single().Seq, MailKinds.Message, "l1");
        var mailed = MailRecords.Record(message.Case, mailDelivery, MailOutcome.Sent(2), t0.AddDays(2).AddMinutes(3));
        var mailFailed = MailRecords.Record(mailed.Case, mailDelivery with { Id = mailDelivery.Id + "x" }, MailOutcome.GivenUp(8, MailRecords.RefusedReason), t0.AddDays(2).AddMinutes(3));
        var revoked = PortalLinkRules.Revoke(mailFailed.Case, "l1", ana, t0.AddDays(2).AddMinutes(3))!;
        return new[] { taskSoon, slaSoon, breached, member, viewer, created, used, message, mailed, mailFailed, revoked }.SelectMany(c => c.Entries);
    }

    // One row per entity, each row's Data (the timeline's rows as one array here).
    private static void AssertPinned(string file, string stored)
    {
        // The comparison is of the stored text's JSON, token by token (names, order, values).
        var readable = JsonSerializer.Serialize(JsonDocument.Parse(stored).RootElement, Readable) + "\n";
        var path = Path.Combine(GoldenFolder(), file);
        if (Environment.GetEnvironmentVariable("CASEFY_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, readable);
        }

        Assert.True(File.Exists(path), $"No golden file {path}: create it with CASEFY_UPDATE_GOLDEN=1.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), readable);
    }

    private static string GoldenFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var golden = Path.Combine(dir.FullName, "tests", "CaseFy.UnitTests", "Golden");
            if (Directory.Exists(golden))
            {
                return golden;
            }
        }

        throw new DirectoryNotFoundException("tests/CaseFy.UnitTests/Golden not found above the test's folder.");
    }
}
