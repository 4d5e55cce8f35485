using CaseFy.Model;
using CaseFy.Model.Access;
using CaseFy.Model.Cases;
using CaseFy.Model.Notifications;
using CaseFy.Model.Portal;
using CaseFy.Model.Timeline;
using static CaseFy.UnitTests.SampleCase;

namespace CaseFy.UnitTests;

public sealed class NotificationRulesTests
{
    private static readonly Actor Outsider = new(PortalLink.ActorIdPrefix + "0123456789abcdef0123456789abcdef", "Olive Outside");

    [Fact]
    public void For_TaskAssignedByAnother_NotifiesTheAssigneeOnly()
    {
        var change = TaskRules.Add(EnteredWithBo(), new NewTask("Call back", Bo, null, null, null), Ana, T0);

        var notified = NotificationRules.For(change.Entries.Single(), change.Case);

        var (person, notification) = Assert.Single(notified);
        Assert.Equal((Bo.Id, NotificationKinds.TaskAssigned, "Call back", "Claim 7"), (person, notification.Kind, notification.Text, notification.CaseTitle));
        Assert.Equal(NotificationRules.IdOf(change.Entries.Single()), notification.Id);
    }

    [Fact]
    public void For_TaskAssignedToOneself_NotifiesNobody()
    {
        var change = TaskRules.Add(EnteredWithBo(), new NewTask("Mine", Bo, null, null, null), Bo, T0);

        Assert.Empty(NotificationRules.For(change.Entries.Single(), change.Case));
    }

    [Fact]
    public void For_OutsideUpload_NotifiesTheOwnerAndOpenTaskAssignees_ButNotTheTeamsOwnUpload()
    {
        var withTask = TaskRules.Add(EnteredWithBo(), new NewTask("Review", Bo, null, null, null), Ana, T0).Case;
        var outside = DocumentRules.RecordUpload(withTask, Template, File(withTask, "form"), Outsider, T0)!;
        var inside = DocumentRules.RecordUpload(withTask, Template, File(withTask, "form"), Bo, T0)!;

        var recipients = NotificationRules.For(outside.Entries.Single(e => e.Type == TimelineEntryTypes.DocumentUploaded), outside.Case);

        Assert.Equal([Ana.Id, Bo.Id], recipients.Select(r => r.PersonId).Order(StringComparer.Ordinal));
        Assert.All(recipients, r => Assert.Equal(NotificationKinds.OutsideUpload, r.Notification.Kind));
        Assert.Empty(NotificationRules.For(inside.Entries.Single(e => e.Type == TimelineEntryTypes.DocumentUploaded), inside.Case));
    }

    [Fact]
    public void For_OutsideMessageWithAFile_NotifiesOnceAsAMessage()
    {
        var link = new PortalLink("l1", "Olive Outside", null, [PortalAction.Message], "hash-l1", T0, Ana, T0.AddDays(30), RevokedAt: null, UseRecordedAt: null);
        var change = MessageWithFile(EnteredWithBo() with { PortalLinks = [link] }, "l1", "My ID.");

        var notified = change.Entries.SelectMany(e => NotificationRules.For(e, change.Case)).ToList();

        Assert.Equal([NotificationKinds.OutsideMessage], notified.Select(n => n.Notification.Kind).Distinct());
        Assert.Equal(notified.Count, notified.Select(n => n.PersonId).Distinct().Count());
        Assert.NotEmpty(notified);
    }

    [Fact]
    public void For_SlaBreach_NotifiesTheOwner_AndHandingOver_TheNewOwner()
    {
        var breached = StageEvaluation.Evaluate(EnteredWithBo(), Template, 1, T0.AddHours(3))!;
        var handed = CaseParticipants.ChangeOwner(EnteredWithBo(), Bo.Id, Bo.Name, Ana, T0)!;

        var breach = NotificationRules.For(breached.Entries.Single(e => e.Type == TimelineEntryTypes.SlaBreached), breached.Case);
        var handover = NotificationRules.For(handed.Entries.Single(), handed.Case);

        Assert.Equal((Ana.Id, NotificationKinds.SlaBreached), (breach.Single().PersonId, breach.Single().Notification.Kind));
        Assert.Equal((Bo.Id, NotificationKinds.CaseHandedOver, "Ana"), (handover.Single().PersonId, handover.Single().Notification.Kind, handover.Single().Notification.Text));
    }

    [Fact]
    public void For_TaskOverdue_NotifiesItsAssignee()
    {
        var overdue = StageEvaluation.Evaluate(Entered(), Template, 1, T0.AddHours(1.5))!;

        var notified = NotificationRules.For(overdue.Entries.Single(e => e.Type == TimelineEntryTypes.TaskOverdue), overdue.Case);

        Assert.Equal((Ana.Id, NotificationKinds.TaskOverdue), (notified.Single().PersonId, notified.Single().Notification.Kind));
    }

    [Fact]
    public void For_Reminders_NotifyTheTasksAssigneeAndTheOwner()
    {
        var assigned = TaskRules.Assign(EnteredWithBo(), "t1", Bo, null, Ana, T0)!.Case;
        var taskSoon = StageEvaluation.Evaluate(assigned, Template, 1, T0.AddHours(0.8))!;
        var slaSoon = StageEvaluation.Evaluate(TaskRules.Complete(assigned, "t1", null, Bo, T0).Case, Template, 1, T0.AddHours(1.8))!;

        var forTask = NotificationRules.For(taskSoon.Entries.Single(e => e.Type == TimelineEntryTypes.TaskDueSoon), taskSoon.Case);
        var forSla = NotificationRules.For(slaSoon.Entries.Single(e => e.Type == TimelineEntryTypes.SlaDueSoon), slaSoon.Case);

        Assert.Equal((Bo.Id, NotificationKinds.TaskDueSoon, "Check the claim"), (forTask.Single().PersonId, forTask.Single().Notification.Kind, forTask.Single().Notification.Text));
        Assert.Equal((Ana.Id, NotificationKinds.SlaDueSoon, "Intake"), (forSla.Single().PersonId, forSla.Single().Notification.Kind, forSla.Single().Notification.Text));
    }

    [Fact]
    public void For_EntryThatNotifiesNobody_IsEmpty()
    {
        var comment = CaseFlexibility.Comment(EnteredWithBo(), "no mention here, mail bo@example.org", Ana, T0);

        Assert.Empty(NotificationRules.For(comment.Entries.Single(), comment.Case));
    }

    [Theory]
    [InlineData("@Bo please look", new[] { "bo-oid" })]
    [InlineData("thanks @bo, and @Ana Maria too", new[] { "bo-oid", "am-oid" })]
    [InlineData("@Ana: see above", new[] { "ana-oid" })]
    [InlineData("@Anabel is not on the case", new string[0])]
    [InlineData("@Bo @Bo twice", new[] { "bo-oid" })]
    [InlineData("trailing @", new string[0])]
    public void Mentions_ResolveWholeParticipantNames_LongestFirst(string text, string[] expected)
    {
        CaseParticipant[] people =
        [
            new(Ana.Id, "Ana", ParticipantRole.Owner),
            new(Bo.Id, "Bo", ParticipantRole.Member),
            new("am-oid", "Ana Maria", ParticipantRole.Member),
        ];

        Assert.Equal(expected, Mentions.Find(text, people));
    }

    [Fact]
    public void For_Mention_NotifiesTheMentionedButNotTheAuthor()
    {
        var comment = CaseFlexibility.Comment(EnteredWithBo(), "@Bo and @Ana: have a look", Ana, T0);

        var notified = NotificationRules.For(comment.Entries.Single(), comment.Case);

        Assert.Equal((Bo.Id, NotificationKinds.Mentioned), (notified.Single().PersonId, notified.Single().Notification.Kind));
    }

    [Fact]
    public void IdOf_LaterEntry_SortsFirst()
    {
        var first = CaseFlexibility.Comment(Entered(), "a", Ana, T0).Entries.Single();
        var later = CaseFlexibility.Comment(Entered(), "b", Ana, T0.AddSeconds(1)).Entries.Single();

        Assert.True(string.CompareOrdinal(NotificationRules.IdOf(later), NotificationRules.IdOf(first)) < 0);
    }
}
