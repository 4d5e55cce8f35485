using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CaseFy.Model.Notifications;

namespace CaseFy.Model.Mail;

/// <summary>
/// The deliveries of mail to team members. Their ids are derived from what they carry, so deriving one again (a batch
/// handled again after a crash, a second instance scheduling the same digest) names the same delivery: the outbox adds
/// it once, and the sender treats a repeat as the same mail (the pickup file's name, the ACS <c>Operation-Id</c>).
/// A person appears in an id only as a hash of their id.
/// </summary>
public static class TeamMailRules
{
    /// <summary>The person's setting no longer asks for this mail, or their token no longer gave an address.</summary>
    public const string NotWantedReason = "notWanted";

    /// <summary>The notification is no longer in the person's inbox.</summary>
    public const string NotificationGoneReason = "notificationGone";

    /// <summary>The mail of <paramref name="notification"/> to <paramref name="personId"/>, sent at once.</summary>
    public static MailDelivery Immediate(string personId, Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return new MailDelivery(
            $"{notification.Id}-{PersonKey(personId)}", notification.CaseId, 0, MailKinds.TeamNotification, string.Empty,
            new TeamMailTarget(personId, NotificationId: notification.Id));
    }

    /// <summary>The person's digest of <paramref name="day"/> (UTC), covering their notifications in (<paramref name="since"/>, <paramref name="until"/>].</summary>
    public static MailDelivery Digest(string personId, DateOnly day, DateTimeOffset since, DateTimeOffset until) =>
        new(
            DigestId(personId, day), string.Empty, 0, MailKinds.TeamDigest, string.Empty,
            new TeamMailTarget(personId, Since: since, Until: until));

    /// <summary>The id of the person's digest of <paramref name="day"/>: one per person per UTC day, whoever schedules it.</summary>
    public static string DigestId(string personId, DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"digest-{day:yyyyMMdd}-{PersonKey(personId)}");

    /// <summary>The longest period a digest covers (a person back on the digest after a pause gets the last week, not all of it).</summary>
    public static readonly TimeSpan MaxDigestPeriod = TimeSpan.FromDays(7);

    /// <summary>
    /// The digest due for <paramref name="setting"/> at <paramref name="now"/>, or <see langword="null"/>: one per UTC day,
    /// from <paramref name="hourUtc"/> on, unless that day's is done (<see cref="TeamMailSetting.DigestDay"/>). It covers
    /// the notifications after the previous digest's end (the first: the day before) up to that day's
    /// <paramref name="hourUtc"/>: a fixed instant, so every instance that schedules it derives the same period.
    /// </summary>
    public static TeamDigestPeriod? DigestDue(TeamMailSetting setting, DateTimeOffset now, int hourUtc)
    {
        ArgumentNullException.ThrowIfNull(setting);
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        var until = new DateTimeOffset(day.ToDateTime(new TimeOnly(hourUtc, 0), DateTimeKind.Utc));
        if (now < until || setting.DigestDay == DayText(day))
        {
            return null;
        }

        var since = setting.DigestedUntil is { } last && last < until ? last : until.AddDays(-1);
        return new TeamDigestPeriod(day, since < until - MaxDigestPeriod ? until - MaxDigestPeriod : since, until);
    }

    /// <summary>
    /// How far back the digest of <paramref name="period"/> also takes notifications of entries before its
    /// <see cref="TeamDigestPeriod.Since"/> that no digest holds: they reached the inbox after the previous digest took its
    /// own (the feeder takes seconds, longer after an outage). Taking by entry time alone would miss them for good;
    /// marking what each digest took, rather than comparing write times, needs no clocks to agree. The week cap stays;
    /// a first digest takes only its day (older notifications were never meant for a digest).
    /// </summary>
    public static DateTimeOffset DigestReachBack(TeamMailSetting setting, TeamDigestPeriod period)
    {
        ArgumentNullException.ThrowIfNull(setting);
        ArgumentNullException.ThrowIfNull(period);
        return setting.DigestedUntil is null ? period.Since : period.Until - MaxDigestPeriod;
    }

    /// <summary>The UTC day as the setting row keeps it (<c>yyyy-MM-dd</c>).</summary>
    public static string DayText(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // 32 hex digits of the SHA-256 of the person's id: safe in a file name and a row key, and no id in the clear.
    private static string PersonKey(string personId)
    {
        ArgumentNullException.ThrowIfNull(personId);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(personId)).AsSpan(0, 16));
    }
}
