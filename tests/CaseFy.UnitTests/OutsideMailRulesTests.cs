using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Mail;
using CaseFy.Model.Portal;
using CaseFy.Model.Timeline;
using static CaseFy.UnitTests.SampleCase;

namespace CaseFy.UnitTests;

public sealed class OutsideMailRulesTests
{
    private const string ErinId = "0123456789abcdef0123456789abcdef";
    private const string FrankId = "fedcba9876543210fedcba9876543210";

    [Fact]
    public void For_TeamMessageToALink_MailsThatLinkOnly_AndTheirAnswerNobody()
    {
        var linked = WithLinks(Opened());
        var toErin = PortalMessages.FromTeam(linked, ErinId, "Please send the form.", Ana, T0.AddMinutes(1));
        var fromErin = PortalMessages.FromExternal(toErin.Case, ErinId, "Sent.", T0.AddMinutes(2));

        var mailed = OutsideMailRules.For(toErin.Entries.Single(), toErin.Case, Template);

        var delivery = Assert.Single(mailed);
        Assert.Equal((MailKinds.Message, ErinId, $"{toErin.Entries.Single().Id}-{ErinId}"), (delivery.Kind, delivery.LinkId, delivery.Id));
        Assert.Empty(OutsideMailRules.For(fromErin.Entries.Single(), fromErin.Case, Template));
    }

    [Fact]
    public void For_StageAskingForAnExternalDocument_MailsEachLinkThatMayUploadAndHasAnAddress()
    {
        // Erin may upload and has an address; Frank may upload but has none; Gil has an address but may only view.
        var linked = WithLinks(Opened(), ("g1", "gil@example.org", [PortalAction.View]));
        var entered = CaseLifecycle.EnterStage(linked, Template, T0.AddMinutes(1))!;
        var stageEntered = entered.Entries.Single(e => e.Type == TimelineEntryTypes.StageEntered);

        var mailed = OutsideMailRules.For(stageEntered, entered.Case, Template);

        Assert.Equal([(MailKinds.Asked, ErinId)], mailed.Select(d => (d.Kind, d.LinkId)));
        Assert.Empty(OutsideMailRules.For(stageEntered, entered.Case, template: null));
        Assert.All(entered.Entries.Where(e => e.Type == TimelineEntryTypes.DocumentRequested), e => Assert.Empty(OutsideMailRules.For(e, entered.Case, Template)));
    }

    [Fact]
    public void For_RejectedExternalDocument_AsksAgain_ButNotARevokedOrLaterLink()
    {
        var linked = WithLinks(Entered());
        var uploaded = Uploaded(linked, "form");
        var revoked = PortalLinkRules.Revoke(uploaded, ErinId, Ana, T0.AddMinutes(5))!.Case;
        var rejected = DocumentRules.Reject(uploaded, "form", "Unreadable", Ana, T0.AddMinutes(5));
        var rejectedAfterRevoke = DocumentRules.Reject(revoked, "form", "Unreadable", Ana, T0.AddMinutes(6));

        var again = rejected.Entries.Single(e => e.Type == TimelineEntryTypes.DocumentRequested);
        Assert.Equal([ErinId], OutsideMailRules.For(again, rejected.Case, Template).Select(d => d.LinkId));
        Assert.Empty(OutsideMailRules.For(rejectedAfterRevoke.Entries.Single(e => e.Type == TimelineEntryTypes.DocumentRequested), rejectedAfterRevoke.Case, Template));
    }

    [Fact]
    public void For_LinkMadeByCaseFy_WelcomesItsParty_ButALinkMadeByTheTeamIsNotMailed()
    {
        var bySystem = PortalLinkRules.Create(Opened(), Link(ErinId, "erin@example.org", [PortalAction.View]), Actor.System, T0);
        var byTeam = PortalLinkRules.Create(Opened(), Link(ErinId, "erin@example.org", [PortalAction.View]), Ana, T0);

        Assert.Equal([MailKinds.Welcome], OutsideMailRules.For(bySystem.Entries.Single(), bySystem.Case, Template).Select(d => d.Kind));
        Assert.Empty(OutsideMailRules.For(byTeam.Entries.Single(), byTeam.Case, Template));
    }

    [Fact]
    public void Record_Outcome_NamesTheDeliveryAndParty_NeverTheAddress()
    {
        var linked = WithLinks(Opened());
        var delivery = new MailDelivery($"c1-3-{ErinId}", "c1", 3, MailKinds.Message, ErinId);

        var mailed = MailRecords.Record(linked, delivery, MailOutcome.Sent(2), T0).Entries.Single();
        var failed = MailRecords.Record(linked, delivery, MailOutcome.GivenUp(8, MailRecords.RefusedReason), T0).Entries.Single();

        Assert.Equal((TimelineEntryTypes.NotificationMailed, "Erin", "2"), (mailed.Type, mailed.Data["recipient"], mailed.Data["attempts"]));
        Assert.Equal((TimelineEntryTypes.NotificationMailFailed, MailRecords.RefusedReason), (failed.Type, failed.Data["reason"]));
        Assert.True(MailRecords.Records(mailed, delivery.Id));
        Assert.False(MailRecords.Records(mailed, "another"));
        Assert.DoesNotContain(mailed.Data.Values, v => v.Contains('@', StringComparison.Ordinal));
    }

    // Erin (upload, message, an address) and Frank (upload, no address), made before everything else happens.
    private static CaseRecord WithLinks(CaseRecord current, params (string Id, string Email, PortalAction[] Actions)[] more) =>
        current with
        {
            PortalLinks =
            [
                Link(ErinId, "erin@example.org", [PortalAction.View, PortalAction.Upload, PortalAction.Message]) with { Name = "Erin" },
                Link(FrankId, null, [PortalAction.View, PortalAction.Upload]),
                .. more.Select(m => Link(m.Id, m.Email, m.Actions)),
            ],
        };

    private static PortalLink Link(string id, string? email, PortalAction[] actions) =>
        new(id, "Party " + id[..2], email, actions, "hash", T0.AddDays(-1), Ana, T0.AddDays(30), RevokedAt: null, UseRecordedAt: null);
}
