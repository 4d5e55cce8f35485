using CaseFy.Model;
using CaseFy.Model.Access;
using CaseFy.Model.Cases;
using CaseFy.Model.Templates;
using CaseFy.Model.Timeline;

namespace CaseFy.UnitTests;

public sealed class CaseParticipantsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Ana = new("ana", "Ana");
    private static readonly CaseParticipant Bo = new("bo", "Bo", ParticipantRole.Member);

    private static readonly CaseTemplate Template = new()
    {
        Id = "tpl",
        Version = 1,
        Name = "T",
        Stages = [new("intake", "Intake")],
        CreatedAt = T0,
        CreatedBy = Actor.System,
    };

    private static CaseRecord Opened() => CaseLifecycle.Open("c1", "Case", Template, Ana, T0).Case;

    [Fact]
    public void Open_ByAnyone_MakesTheCreatorOwner() =>
        Assert.Equal([new CaseParticipant("ana", "Ana", ParticipantRole.Owner)], Opened().Participants);

    [Fact]
    public void Add_NewMember_AddsAndRecordsWhoAddedThem()
    {
        var change = CaseParticipants.Add(Opened(), Bo, Ana, T0)!;

        Assert.Contains(Bo, change.Case.Participants);
        var entry = Assert.Single(change.Entries);
        Assert.Equal((TimelineEntryTypes.ParticipantAdded, "ana", "bo", "member"), (entry.Type, entry.Actor.Id, entry.Data["participantId"], entry.Data["role"]));
        Assert.Null(TimelineChain.FindFirstBrokenLink([.. CaseLifecycle.Open("c1", "Case", Template, Ana, T0).Entries, entry]));
    }

    [Fact]
    public void Add_SameRoleAgain_IsNoChange()
    {
        var once = CaseParticipants.Add(Opened(), Bo, Ana, T0)!.Case;

        Assert.Null(CaseParticipants.Add(once, Bo, Ana, T0));
    }

    [Fact]
    public void Add_OwnerRoleOrTheOwner_IsRefused()
    {
        Assert.Throws<CaseRuleException>(() => CaseParticipants.Add(Opened(), Bo with { Role = ParticipantRole.Owner }, Ana, T0));
        Assert.Throws<CaseRuleException>(() => CaseParticipants.Add(Opened(), new("ana", "Ana", ParticipantRole.Viewer), Ana, T0));
    }

    [Fact]
    public void Remove_TheOwner_IsRefusedAndAnUnknownPersonIsNoChange()
    {
        Assert.Throws<CaseRuleException>(() => CaseParticipants.Remove(Opened(), "ana", Ana, T0));
        Assert.Null(CaseParticipants.Remove(Opened(), "nobody", Ana, T0));
    }

    [Fact]
    public void Remove_AParticipantWithTasks_UnassignsTheOpenOnesOnTheTimelineAndKeepsTheDoneOnes()
    {
        var withBo = CaseParticipants.Add(Opened(), Bo, Ana, T0)!.Case;
        var boActor = new Actor(Bo.Id, Bo.Name);
        var twoTasks = TaskRules.Add(TaskRules.Add(withBo, new NewTask("Open", boActor, null, null, null), Ana, T0).Case, new NewTask("Done", boActor, null, null, null), Ana, T0).Case;
        var oneDone = TaskRules.Complete(twoTasks, twoTasks.Tasks[^1].Id, null, boActor, T0).Case;

        var change = CaseParticipants.Remove(oneDone, "bo", Ana, T0)!;

        Assert.Equal([("Open", (Actor?)null), ("Done", boActor)], change.Case.Tasks.Select(t => (t.Title, t.Assignee)));
        Assert.Equal([TimelineEntryTypes.ParticipantRemoved, TimelineEntryTypes.TaskAssigned], change.Entries.Select(e => e.Type));
        Assert.False(change.Entries[1].Data.ContainsKey("assigneeId"));
    }

    [Fact]
    public void ChangeOwner_ToAMember_MakesThemOwnerAndTheOldOwnerMember()
    {
        var withBo = CaseParticipants.Add(Opened(), Bo, Ana, T0)!.Case;

        var change = CaseParticipants.ChangeOwner(withBo, "bo", "ignored", Ana, T0)!;

        Assert.Equal(
            [("ana", ParticipantRole.Member), ("bo", ParticipantRole.Owner)],
            change.Case.Participants.Select(p => (p.Id, p.Role)).OrderBy(p => p.Id));
        Assert.Equal("Bo", change.Case.Participants.Single(p => p.Id == "bo").Name);
        Assert.Equal(("bo", "ana"), (change.Entries[0].Data["ownerId"], change.Entries[0].Data["previousOwnerId"]));
        Assert.Null(CaseParticipants.ChangeOwner(change.Case, "bo", "Bo", Ana, T0));
    }
}
