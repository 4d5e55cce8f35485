using CaseFy.Model.Mail;
using CaseFy.Model.Notifications;

namespace CaseFy.UnitTests;

public sealed class TeamMailRulesTests
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);

    private static TeamMailSetting Digest(DateTimeOffset? digestedUntil = null, string? digestDay = null) =>
        new("person-1", TeamMailDeliveries.DailyDigest, "p@example.org", Monday.AddDays(-30), digestedUntil, digestDay);

    [Fact]
    public void DigestDue_BeforeTheHour_IsNothing_FromTheHour_TheDayBefore()
    {
        Assert.Null(TeamMailRules.DigestDue(Digest(), Monday.AddHours(7).AddTicks(-1), 7));

        var period = TeamMailRules.DigestDue(Digest(), Monday.AddHours(7), 7);

        Assert.Equal(new TeamDigestPeriod(new DateOnly(2026, 12, 7), Monday.AddHours(7).AddDays(-1), Monday.AddHours(7)), period);
    }

    [Fact]
    public void DigestDue_LaterTheSameDay_HasTheSamePeriod_AndOnceDoneNothing()
    {
        var early = TeamMailRules.DigestDue(Digest(Monday.AddHours(-3)), Monday.AddHours(7).AddSeconds(1), 7);
        var late = TeamMailRules.DigestDue(Digest(Monday.AddHours(-3)), Monday.AddHours(23), 7);

        Assert.Equal(early, late);
        Assert.Equal((Monday.AddHours(-3), Monday.AddHours(7)), (early!.Since, early.Until));
        Assert.Null(TeamMailRules.DigestDue(Digest(Monday.AddHours(7), "2026-12-07"), Monday.AddHours(23), 7));
        Assert.NotNull(TeamMailRules.DigestDue(Digest(Monday.AddHours(7), "2026-12-07"), Monday.AddDays(1).AddHours(7), 7));
    }

    [Fact]
    public void DigestDue_AfterALongPause_CoversAWeekAtMost()
    {
        var period = TeamMailRules.DigestDue(Digest(Monday.AddDays(-40)), Monday.AddHours(8), 7)!;

        Assert.Equal(Monday.AddHours(7) - TeamMailRules.MaxDigestPeriod, period.Since);
    }

    [Fact]
    public void DigestReachBack_AfterAPreviousDigest_IsAWeek_ForTheFirst_OnlyItsDay()
    {
        var first = TeamMailRules.DigestDue(Digest(), Monday.AddHours(8), 7)!;
        var next = TeamMailRules.DigestDue(Digest(Monday.AddHours(-17)), Monday.AddHours(8), 7)!;

        Assert.Equal(first.Since, TeamMailRules.DigestReachBack(Digest(), first));
        Assert.Equal(Monday.AddHours(7) - TeamMailRules.MaxDigestPeriod, TeamMailRules.DigestReachBack(Digest(Monday.AddHours(-17)), next));
    }

    [Fact]
    public void Ids_AreStablePerNotificationAndPersonAndDay_AndCarryNoPersonIdInTheClear()
    {
        var notification = new Notification(
            NotificationRules.KeyPrefixOf(Monday) + "-c1-4", NotificationKinds.TaskAssigned, "c1", "T", "c1-4", Monday, "Ana", null, Read: false);

        var once = TeamMailRules.Immediate("person-1", notification);
        var again = TeamMailRules.Immediate("person-1", notification);
        var other = TeamMailRules.Immediate("person-2", notification);

        Assert.Equal(once, again);
        Assert.NotEqual(once.Id, other.Id);
        Assert.DoesNotContain("person", once.Id, StringComparison.Ordinal);
        Assert.Equal(TeamMailRules.DigestId("person-1", new DateOnly(2026, 12, 7)), TeamMailRules.Digest("person-1", new DateOnly(2026, 12, 7), Monday, Monday).Id);
        Assert.NotEqual(TeamMailRules.DigestId("person-1", new DateOnly(2026, 12, 7)), TeamMailRules.DigestId("person-1", new DateOnly(2026, 12, 8)));
        Assert.All([once.Id, TeamMailRules.DigestId("person-1", new DateOnly(2026, 12, 7))], id => Assert.True(id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'), id));
    }
}
