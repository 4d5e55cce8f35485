namespace CaseFy.Model.Mail;

/// <summary>How a team member wants their notifications mailed (<c>delivery</c> of <c>/api/me/mail</c>).</summary>
public static class TeamMailDeliveries
{
    /// <summary>No mail (the default): the inbox only.</summary>
    public const string Off = "off";

    /// <summary>One mail per notification, as it is written to the inbox.</summary>
    public const string Immediate = "immediate";

    /// <summary>One mail a day (at <c>Mail:DigestHourUtc</c>) listing the notifications since the previous one.</summary>
    public const string DailyDigest = "dailyDigest";

    /// <summary>Every value, in the order the portal offers them.</summary>
    public static IReadOnlyList<string> All { get; } = [Off, Immediate, DailyDigest];
}
