using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Portal;
using CaseFy.Model.Templates;
using CaseFy.Model.Timeline;

namespace CaseFy.UnitTests;

public sealed class PortalLinkRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Ana = new("ana", "Ana");

    private static readonly CaseTemplate Template = new()
    {
        Id = "tpl",
        Version = 1,
        Name = "T",
        Stages = [new("intake", "Intake")],
        CreatedAt = T0,
        CreatedBy = Actor.System,
    };

    private static readonly PortalLink Link = new(
        "l1", "Erin", null, [PortalAction.View], "hash", T0, Ana, T0.AddDays(30), RevokedAt: null, UseRecordedAt: null);

    private static CaseRecord WithLink() =>
        PortalLinkRules.Create(CaseLifecycle.Open("c1", "Case", Template, Ana, T0).Case, Link, Ana, T0).Case;

    [Fact]
    public void RecordUse_TwiceWithinAnHour_IsRecordedOnce()
    {
        var first = PortalLinkRules.RecordUse(WithLink(), "l1", "view", T0.AddMinutes(1))!;

        var second = PortalLinkRules.RecordUse(first.Case, "l1", "view", T0.AddMinutes(59));
        var later = PortalLinkRules.RecordUse(first.Case, "l1", "view", T0.AddMinutes(62));

        var entry = Assert.Single(first.Entries);
        Assert.Equal((TimelineEntryTypes.PortalLinkUsed, "portal-link:l1", "Erin"), (entry.Type, entry.Actor.Id, entry.Actor.Name));
        Assert.Null(second);
        Assert.NotNull(later);
    }

    [Fact]
    public void RecordUse_RevokedOrExpiredLink_RecordsNothing()
    {
        var revoked = PortalLinkRules.Revoke(WithLink(), "l1", Ana, T0.AddMinutes(1))!.Case;

        Assert.Null(PortalLinkRules.RecordUse(revoked, "l1", "view", T0.AddMinutes(2)));
        Assert.Null(PortalLinkRules.RecordUse(WithLink(), "l1", "view", T0.AddDays(30)));
        Assert.Null(PortalLinkRules.Revoke(revoked, "l1", Ana, T0.AddMinutes(3)));
    }

    [Fact]
    public void CreateAndRevoke_Entries_NameTheActionsAndExpiryButNeverTheHash()
    {
        var created = PortalLinkRules.Create(CaseLifecycle.Open("c1", "Case", Template, Ana, T0).Case, Link with { Actions = [PortalAction.View, PortalAction.Message] }, Ana, T0);
        var revoked = PortalLinkRules.Revoke(created.Case, "l1", Ana, T0.AddMinutes(1))!;

        foreach (var entry in new[] { created.Entries.Single(), revoked.Entries.Single() })
        {
            Assert.Equal(("l1", "Erin", "view,message", "2026-12-25T09:00:00.0000000+00:00"), (entry.Data["linkId"], entry.Data["name"], entry.Data["actions"], entry.Data["expiresAt"]));
            Assert.DoesNotContain("hash", entry.Data.Values);
        }
    }

    [Fact]
    public void Create_OnClosedCase_IsRefused()
    {
        var closed = CaseLifecycle.Open("c1", "Case", Template, Ana, T0).Case with { Status = CaseStatus.Closed };

        Assert.Throws<CaseRuleException>(() => PortalLinkRules.Create(closed, Link, Ana, T0));
    }
}
