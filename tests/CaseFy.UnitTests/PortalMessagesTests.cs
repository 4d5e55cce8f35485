using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Events;
using CaseFy.Model.Notifications;
using CaseFy.Model.Portal;
using CaseFy.Model.Timeline;
using static CaseFy.UnitTests.SampleCase;

namespace CaseFy.UnitTests;

public sealed class PortalMessagesTests
{
    private static PortalLink Link(string id, params PortalAction[] actions) =>
        new(id, "Erin " + id, null, actions, "hash-" + id, T0, Ana, T0.AddDays(30), RevokedAt: null, UseRecordedAt: null);

    private static CaseRecord WithLinks() =>
        Opened() with { PortalLinks = [Link("l1", PortalAction.View, PortalAction.Message), Link("l2", PortalAction.Message), Link("l3", PortalAction.View)] };

    [Fact]
    public void FromTeam_ToALinkThatTakesMessages_AppendsOneEntryNamingTheLinkAndDirection()
    {
        var before = WithLinks();

        var change = PortalMessages.FromTeam(before, "l1", "  Please send the form.  ", Ana, T0.AddMinutes(1));

        var entry = Assert.Single(change.Entries);
        Assert.Equal((TimelineEntryTypes.MessageSent, Ana.Id), (entry.Type, entry.Actor.Id));
        Assert.Equal("l1", entry.Data["linkId"]);
        Assert.Equal(MessageDirections.ToExternal, entry.Data["direction"]);
        Assert.Equal("Please send the form.", entry.Data["text"]);
        Assert.Same(before.PortalLinks, change.Case.PortalLinks);   // messages live on the timeline only
    }

    [Fact]
    public void FromExternal_ActsAsTheLinksParty()
    {
        var entry = PortalMessages.FromExternal(WithLinks(), "l2", "Sent it today.", T0).Entries.Single();

        Assert.Equal(("portal-link:l2", "Erin l2"), (entry.Actor.Id, entry.Actor.Name));
        Assert.Equal(MessageDirections.FromExternal, entry.Data["direction"]);
    }

    [Fact]
    public void FromTeam_UnknownLink_IsMissingTheLink() =>
        Assert.Equal(PortalMessages.LinkItem, Assert.Throws<CaseItemMissingException>(() => PortalMessages.FromTeam(WithLinks(), "nope", "Hi", Ana, T0)).Message);

    [Fact]
    public void Send_ClosedCaseRevokedExpiredOrLinkWithoutMessage_IsRefused()
    {
        var closed = WithLinks() with { Status = CaseStatus.Closed };
        var revoked = PortalLinkRules.Revoke(WithLinks(), "l1", Ana, T0)!.Case;

        Assert.Throws<CaseRuleException>(() => PortalMessages.FromTeam(closed, "l1", "Hi", Ana, T0));
        Assert.Throws<CaseRuleException>(() => PortalMessages.FromExternal(closed, "l1", "Hi", T0));
        Assert.Throws<CaseRuleException>(() => PortalMessages.FromTeam(revoked, "l1", "Hi", Ana, T0));
        Assert.Throws<CaseRuleException>(() => PortalMessages.FromExternal(WithLinks(), "l1", "Hi", T0.AddDays(30)));
        Assert.Throws<CaseRuleException>(() => PortalMessages.FromTeam(WithLinks(), "l3", "Hi", Ana, T0));
    }

    [Theory]
    [InlineData("   ")]
    [InlineData(null)]
    public void Send_EmptyOrOverlongText_IsAnArgumentError(string? blank)
    {
        Assert.ThrowsAny<ArgumentException>(() => PortalMessages.FromTeam(WithLinks(), "l1", blank!, Ana, T0));
        Assert.ThrowsAny<ArgumentException>(() => PortalMessages.FromTeam(WithLinks(), "l1", new string('a', PortalMessages.MaxTextLength + 1), Ana, T0));
        Assert.Single(PortalMessages.FromTeam(WithLinks(), "l1", new string('a', PortalMessages.MaxTextLength), Ana, T0).Entries);
    }

    [Fact]
    public void Read_OnlyTheGivenLinksMessages()
    {
        var first = PortalMessages.FromTeam(WithLinks(), "l1", "To one", Ana, T0);
        var second = PortalMessages.FromExternal(first.Case, "l2", "From two", T0.AddMinutes(1));
        var comment = CaseFlexibility.Comment(second.Case, "internal", Ana, T0.AddMinutes(2));
        var entries = first.Entries.Concat(second.Entries).Concat(comment.Entries).ToList();

        var forOne = entries.Select(e => PortalMessages.Read(e, "l1")).OfType<PortalMessage>().ToList();
        var all = entries.Select(e => PortalMessages.Read(e)).OfType<PortalMessage>().ToList();

        Assert.Equal([("l1", MessageDirections.ToExternal, "Ana", "To one")], forOne.Select(m => (m.LinkId, m.Direction, m.From, m.Text)));
        Assert.Equal(["l1", "l2"], all.Select(m => m.LinkId));
        Assert.Equal(entries[1].Seq, all[1].Seq);
    }

    [Fact]
    public void OutsideMessage_NotifiesTheOwner_TeamMessageNobody()
    {
        var fromParty = PortalMessages.FromExternal(WithLinks(), "l2", new string('x', 300), T0);
        var fromTeam = PortalMessages.FromTeam(WithLinks(), "l2", "Hello", Bo, T0);

        var notified = NotificationRules.For(fromParty.Entries.Single(), fromParty.Case);

        var (person, notification) = Assert.Single(notified);
        Assert.Equal((Ana.Id, NotificationKinds.OutsideMessage, NotificationRules.MaxTextLength), (person, notification.Kind, notification.Text!.Length));
        Assert.Empty(NotificationRules.For(fromTeam.Entries.Single(), fromTeam.Case));
        Assert.Contains(TimelineEntryTypes.MessageSent, NotificationRules.EntryTypes);
    }

    [Fact]
    public void MessageEvent_IsLifecycle_WithoutTheText()
    {
        var entry = PortalMessages.FromExternal(WithLinks(), "l2", "Private words", T0).Entries.Single();

        var published = LifecycleEvents.From(entry);

        Assert.True(LifecycleEntryTypes.IsLifecycle(TimelineEntryTypes.MessageSent));
        Assert.Equal("casefy.case.messageSent", published.Type);
        Assert.Equal(["direction", "linkId", "linkName"], published.Data.Details.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void WithAttachment_RecordsTheVersionAndTheMessageInOneChange_ReadBackWithItsFile()
    {
        var change = MessageWithFile(WithLinks(), "l2", "My ID.");

        Assert.Equal([TimelineEntryTypes.DocumentUploaded, TimelineEntryTypes.MessageSent], change.Entries.Select(e => e.Type));
        Assert.Equal(1, Assert.Single(change.Case.Documents, d => d.Key == "msg-l2").Versions.Single().Version);
        Assert.Equal(new MessageAttachment("msg-l2", 1, "id.png", "image/png", 42), PortalMessages.Read(change.Entries[^1])!.Attachment);
    }

    [Fact]
    public void WithAttachment_FileWithoutText_GoesAlone_AndNotifiesByItsName()
    {
        var current = WithLinks();

        var change = MessageWithFile(current, "l2", "  ");

        Assert.Equal(string.Empty, PortalMessages.Read(change.Entries[^1])!.Text);
        Assert.Equal("id.png", NotificationRules.For(change.Entries[^1], change.Case).Single().Notification.Text);
        Assert.ThrowsAny<ArgumentException>(() => PortalMessages.FromExternal(current, "l2", "  ", T0));
    }

    [Fact]
    public void WithAttachment_MessageRefusedOrFileOfAnotherConversation_RefusesBoth()
    {
        var closed = WithLinks() with { Status = CaseStatus.Closed };
        var current = WithLinks();
        UploadedFile FileOf(CaseRecord c, string key) => new(key, DocumentRules.BlobName(c.Id, key, 1), "a.pdf", "application/pdf", 1);

        Assert.Throws<CaseRuleException>(() => PortalMessages.WithAttachment(closed, Template, FileOf(closed, "msg-l1"), Ana, T0,
            (c, a) => PortalMessages.FromTeam(c, "l1", "Hi", Ana, T0, a)));
        Assert.Throws<CaseRuleException>(() => PortalMessages.WithAttachment(current, Template, FileOf(current, "msg-l2"), Ana, T0,
            (c, a) => PortalMessages.FromTeam(c, "l1", "Hi", Ana, T0, a)));
    }
}
